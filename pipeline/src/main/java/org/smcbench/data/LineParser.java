package org.smcbench.data;

import java.io.Serializable;

/** Turns one line of a line-oriented raw format (JSONL, CSV) into a value or a malformed reason. */
@FunctionalInterface
public interface LineParser<T> extends Serializable {
  ParseOutcome<T> parse(String line);
}
