package org.smcbench.data.protein;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.smcbench.data.CsvHeader;
import org.smcbench.data.LineParser;
import org.smcbench.data.ParseOutcome;

/**
 * One data row of a FLIP task CSV ({@code sequence,target,set}, some tasks add
 * {@code validation} True/False). Columns are found by name in the file's header; a row must have as
 * many fields as the header. FLIP sequences never hold commas or quotes, so a plain comma split
 * is exact.
 *
 * <p>The split is {@code valid} for a row whose validation flag is True (FLIP carves its
 * validation set out of the train rows), else the {@code set} value. {@link #parse(String)} gives
 * reasons naming the field; {@link #parse(long, String)} prefixes them with the file and line.
 */
public final class FlipCsvParser implements LineParser<FlipRecord> {
  private static final long serialVersionUID = 1L;
  static final List<String> REQUIRED = List.of("sequence", "target", "set");
  static final String VALIDATION = "validation";
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private final CsvHeader header;
  private final int sequence;
  private final int target;
  private final int set;
  /** Column of the validation flag, -1 when the file has none. */
  private final int validation;

  private FlipCsvParser(CsvHeader header) {
    this.header = header;
    sequence = header.required(REQUIRED.get(0));
    target = header.required(REQUIRED.get(1));
    set = header.required(REQUIRED.get(2));
    validation = header.optional(VALIDATION);
  }

  /** A parser for the data rows of {@code file}, whose first line is {@code headerLine}. */
  public static FlipCsvParser forHeader(String file, String headerLine) {
    if (headerLine == null || headerLine.isBlank()) {
      throw new IllegalArgumentException(file + ": empty file, no header line");
    }
    String line = stripCr(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine);
    List<String> header = new ArrayList<>();
    for (String name : line.split(",", -1)) {
      header.add(name.strip());
    }
    return new FlipCsvParser(new CsvHeader(file, header));
  }

  public String sourceFile() {
    return header.sourceFile();
  }

  /** As {@link #parse(String)}, with a malformed reason prefixed by the file and 1-based line number. */
  public ParseOutcome<FlipRecord> parse(long lineNo, String line) {
    return header.atLine(lineNo, parse(line));
  }

  @Override
  public ParseOutcome<FlipRecord> parse(String line) {
    if (line == null || stripCr(line).isBlank()) {
      return ParseOutcome.malformed("empty line");
    }
    String[] f = stripCr(line).split(",", -1);
    if (f.length != header.fieldCount()) {
      return ParseOutcome.malformed("has " + f.length + " fields, the header has " + header.fieldCount());
    }
    String residues = f[sequence].strip().toUpperCase(Locale.ROOT);
    if (residues.isEmpty()) {
      return ParseOutcome.malformed("field 'sequence' is empty");
    }
    String unknown = EsmResidues.unknownResidueReason(residues);
    if (unknown != null) {
      return ParseOutcome.malformed("field 'sequence': " + unknown);
    }
    String targetText = f[target].strip();
    if (!DECIMAL.matcher(targetText).matches()) {
      // pandas writes a missing target as nan (or an empty field); Java's own parser would also take 1f or 0x1p3.
      return ParseOutcome.malformed("field 'target' '" + targetText + "' is not a finite number");
    }
    double value = Double.parseDouble(targetText);
    if (!Double.isFinite(value)) {
      return ParseOutcome.malformed("field 'target' '" + targetText + "' is out of range");
    }
    String setValue = f[set].strip();
    if (!setValue.equals("train") && !setValue.equals("test")) {
      return ParseOutcome.malformed("field 'set' '" + setValue + "' is neither train nor test");
    }
    String split = setValue;
    if (validation >= 0) {
      String flag = f[validation].strip();
      if (flag.equals("True")) {
        // A validation row taken from the test set would leak test data into model selection.
        if (!setValue.equals("train")) {
          return ParseOutcome.malformed("field 'validation' is True on a '" + setValue + "' row");
        }
        split = "valid";
      } else if (!flag.equals("False") && !flag.isEmpty()) {
        return ParseOutcome.malformed("field 'validation' '" + flag + "' is neither True nor False");
      }
    }
    return ParseOutcome.ok(new FlipRecord(residues, value, split));
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
