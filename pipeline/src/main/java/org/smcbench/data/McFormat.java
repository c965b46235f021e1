package org.smcbench.data;

import java.io.Serializable;

/** How a multiple-choice format is read: line by line (JSONL), or one whole file at a time (RACE). */
public sealed interface McFormat extends Serializable {
  /** One record per line; a line's number is its record number. */
  record Lines(LineParser<McQuestion> parser) implements McFormat {}

  /** Records from whole files under a folder (or matching a glob), each file read at once. */
  record Files(FileParser<McQuestion> parser) implements McFormat {}
}
