package org.smcbench.data;

import java.io.Serializable;
import java.util.List;

/**
 * The columns of a CSV file, named by its header line: formats whose files disagree on column order
 * or on their other columns find the ones they need by name, and every data row must have as many
 * fields as the header. Also puts the file and line in front of a row's malformed reason, which is
 * what the quarantine stores.
 */
public final class CsvHeader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String sourceFile;
  private final List<String> names;

  public CsvHeader(String sourceFile, List<String> names) {
    this.sourceFile = sourceFile;
    this.names = List.copyOf(names);
  }

  public String sourceFile() {
    return sourceFile;
  }

  /** How many fields a data row must have. */
  public int fieldCount() {
    return names.size();
  }

  /** Position of a column the format needs; an error naming the file, the column and the header. */
  public int required(String name) {
    int at = names.indexOf(name);
    if (at < 0) {
      throw new IllegalArgumentException(sourceFile + ": header lacks column '" + name + "' (header: "
          + String.join(",", names) + ")");
    }
    return at;
  }

  /** Position of an optional column, -1 when the file has none. */
  public int optional(String name) {
    return names.indexOf(name);
  }

  /** {@code outcome} of data line {@code lineNo} (1-based), a malformed reason prefixed by file and line. */
  public <T> ParseOutcome<T> atLine(long lineNo, ParseOutcome<T> outcome) {
    if (outcome instanceof ParseOutcome.Malformed<T> bad) {
      return ParseOutcome.malformed(sourceFile + " line " + lineNo + ": " + bad.reason());
    }
    return outcome;
  }
}
