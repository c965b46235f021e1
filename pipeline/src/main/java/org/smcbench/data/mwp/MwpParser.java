package org.smcbench.data.mwp;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.smcbench.data.CsvHeader;
import org.smcbench.data.LineParser;
import org.smcbench.data.ParseOutcome;

/**
 * One data row of the MAWPS / ASDiv-A / SVAMP CSV files ({@code Question,Numbers,Equation,Answer,...}).
 * The files disagree on their other columns (ASDiv-A adds Grade and Type, SVAMP names the question
 * column Ques), so the four needed columns are found by name in the file's header, and every row
 * must have as many fields as the header.
 *
 * <p>{@link #parse(String)} gives reasons naming the field; {@link #parse(long, String)} prefixes
 * them with the file and line, which is what the quarantine stores.
 */
public final class MwpParser implements LineParser<MwpRecord> {
  private static final long serialVersionUID = 1L;
  /** The {@code reader} name of a dataset in this format. */
  public static final String READER = "mwp-csv";
  static final List<String> REQUIRED = List.of("Question", "Numbers", "Equation", "Answer");
  /** Optional: the quantity cells as a list of token positions, e.g. {@code [8, 9, 10]}. */
  static final String CELLS = "group_nums";
  private static final java.util.regex.Pattern CELL_LIST =
      java.util.regex.Pattern.compile("\\[\\s*(\\d+(\\s*,\\s*\\d+)*)?\\s*,?\\s*]");

  private final CsvHeader header;
  private final int question;
  private final int numbers;
  private final int equation;
  private final int answer;
  /** Column of Graph2Tree's quantity cells, -1 when the file has none. */
  private final int cells;
  // univocity parsers are not serializable: one per parser instance on each executor.
  private transient CsvParser csv;

  private MwpParser(CsvHeader header) {
    this.header = header;
    question = header.required(REQUIRED.get(0));
    numbers = header.required(REQUIRED.get(1));
    equation = header.required(REQUIRED.get(2));
    answer = header.required(REQUIRED.get(3));
    cells = header.optional(CELLS);
  }

  /** A parser for the data rows of {@code sourceFile}, whose first line is {@code headerLine}. */
  public static MwpParser forHeader(String sourceFile, String headerLine) {
    if (headerLine == null || headerLine.isBlank()) {
      throw new IllegalArgumentException(sourceFile + ": empty file, no header line");
    }
    String[] names = newCsv().parseLine(stripBom(headerLine));
    List<String> header = new ArrayList<>();
    for (String n : names) {
      header.add(n.trim());
    }
    return new MwpParser(new CsvHeader(sourceFile, header));
  }

  /** A whole file's lines (header first), each data row with its 1-based line number. */
  public static List<Line> parseLines(String sourceFile, List<String> lines) {
    MwpParser parser = forHeader(sourceFile, lines.isEmpty() ? null : lines.get(0));
    List<Line> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      out.add(new Line(i + 1L, lines.get(i), parser.parse(i + 1L, lines.get(i))));
    }
    return out;
  }

  /** One data line of a file and what it parsed to. */
  public record Line(long lineNo, String raw, ParseOutcome<MwpRecord> outcome) {}

  public String sourceFile() {
    return header.sourceFile();
  }

  /** As {@link #parse(String)}, with a malformed reason prefixed by the file and line. */
  public ParseOutcome<MwpRecord> parse(long lineNo, String line) {
    return header.atLine(lineNo, parse(line));
  }

  @Override
  public ParseOutcome<MwpRecord> parse(String line) {
    if (line == null || line.isBlank()) {
      return ParseOutcome.malformed("empty line");
    }
    // A line parsed on its own cannot reveal a quote left open (univocity just reads to the end
    // of the input), but it leaves an odd number of quote characters: escaped quotes come in pairs.
    if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
      return ParseOutcome.malformed("unparseable CSV: unbalanced quote (a quoted field is not closed)");
    }
    String[] f;
    try {
      f = csv().parseLine(line);
    } catch (TextParsingException e) {
      return ParseOutcome.malformed("unparseable CSV: " + firstLine(e.getMessage()));
    }
    if (f.length != header.fieldCount()) {
      return ParseOutcome.malformed("has " + f.length + " fields, the header has " + header.fieldCount());
    }
    String q = f[question].trim();
    if (q.isEmpty()) {
      return ParseOutcome.malformed("field 'Question' is empty");
    }
    List<String> questionTokens = Arrays.asList(q.split("\\s+"));

    String numbersField = f[numbers].trim();
    List<Double> values = new ArrayList<>();
    if (!numbersField.isEmpty()) {
      String[] entries = numbersField.split("\\s+");
      for (int i = 0; i < entries.length; i++) {
        if (!PrefixExpression.DECIMAL.matcher(entries[i]).matches()) {
          return ParseOutcome.malformed("field 'Numbers': entry " + i + " '" + entries[i] + "' is not a number");
        }
        values.add(Double.parseDouble(entries[i]));
      }
    }

    String equationField = f[equation].trim();
    List<String> equationTokens = equationField.isEmpty() ? List.of() : Arrays.asList(equationField.split("\\s+"));
    ParseOutcome<PrefixExpression> parsed = PrefixExpression.parse(equationTokens);
    if (parsed instanceof ParseOutcome.Malformed<PrefixExpression> bad) {
      return ParseOutcome.malformed("field 'Equation' '" + equationField + "' is not a prefix expression: "
          + bad.reason());
    }
    PrefixExpression gold = ((ParseOutcome.Ok<PrefixExpression>) parsed).value();
    if (gold.maxQuantityIndex() >= values.size()) {
      return ParseOutcome.malformed("field 'Equation' '" + equationField + "': number" + gold.maxQuantityIndex()
          + " has no matching number (field 'Numbers' has " + values.size() + ")");
    }

    String answerField = f[answer].trim();
    if (!PrefixExpression.DECIMAL.matcher(answerField).matches()) {
      return ParseOutcome.malformed("field 'Answer' '" + answerField + "' is not a number");
    }
    double answerValue = Double.parseDouble(answerField);
    List<Integer> cellPositions = new ArrayList<>();
    if (cells >= 0) {
      String cellField = f[cells].trim();
      if (!CELL_LIST.matcher(cellField).matches()) {
        return ParseOutcome.malformed("field '" + CELLS + "' '" + cellField + "' is not a list of token positions");
      }
      for (String p : cellField.substring(1, cellField.length() - 1).split(",")) {
        if (!p.isBlank()) {
          cellPositions.add(Integer.parseInt(p.trim()));
        }
      }
    }
    MwpRecord record = new MwpRecord(questionTokens, values, equationTokens, answerValue,
        contentHash(questionTokens, values, equationTokens, answerValue), cellPositions);
    double[] numberArray = record.numberArray();
    PrefixExpression.Evaluation value = gold.evaluate(numberArray);
    if (!value.isValid()) {
      return ParseOutcome.malformed("field 'Equation' " + gold.infix() + " = " + gold.infix(numberArray)
          + " has no value: " + value.invalidReason());
    }
    if (!MwpAnswers.matches(value.value(), answerValue)) {
      return ParseOutcome.malformed("field 'Answer' " + answerField + " is not reproduced by field 'Equation': "
          + gold.infix() + " = " + gold.infix(numberArray) + " = " + PrefixExpression.format(value.value())
          + " (relative tolerance " + MwpAnswers.RELATIVE_TOLERANCE + ")");
    }
    return ParseOutcome.ok(record);
  }

  private CsvParser csv() {
    if (csv == null) {
      csv = newCsv();
    }
    return csv;
  }

  private static CsvParser newCsv() {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(',');
    s.getFormat().setQuote('"');
    s.getFormat().setQuoteEscape('"');
    s.setNullValue("");
    s.setEmptyValue("");
    s.setMaxCharsPerColumn(-1);
    s.setUnescapedQuoteHandling(UnescapedQuoteHandling.RAISE_ERROR);
    return new CsvParser(s);
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "parse error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /**
   * First 16 hex digits of SHA-256 over the normalised question tokens, numbers, equation and
   * answer, so "6" and "6.0" or extra spaces in different files hash the same problem alike.
   */
  static String contentHash(List<String> question, List<Double> numbers, List<String> equation, double answer) {
    StringBuilder numberText = new StringBuilder();
    for (double v : numbers) {
      numberText.append(numberText.length() == 0 ? "" : " ").append(PrefixExpression.format(v));
    }
    String canonical = String.join("\u001f", String.join(" ", question), numberText,
        String.join(" ", equation), PrefixExpression.format(answer));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
