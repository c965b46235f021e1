package org.smcbench.data;

import java.io.Serializable;
import java.util.List;

/**
 * Turns one whole raw file of a file-per-record format (RACE: one passage with its questions) into
 * its records, each a value or a malformed reason. A file that cannot be read at all gives one
 * malformed record numbered 0.
 */
@FunctionalInterface
public interface FileParser<T> extends Serializable {
  List<Parsed<T>> parse(String content);

  /** One record of a file: its 1-based number in the file (0 = the whole file), its raw text, the outcome. */
  record Parsed<T>(long recordNo, String raw, ParseOutcome<T> outcome) implements Serializable {}
}
