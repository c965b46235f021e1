package org.smcbench.data.mwp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.data.ParseOutcome;

class MwpParserTest {
  static final String MAWPS_HEADER = "Question,Numbers,Equation,Answer,group_nums,Body,Ques_Statement";
  static final String GOOD = "Mary is baking a cake . The recipe wants number0 cups of flour . She already put in number1 cups ."
      + " How many cups does she need to add ?,8.0 2.0,- number0 number1,6,\"[8, 9, 10, 17, 18, 19, 26, 27, 28]\","
      + "Mary is baking a cake .,How many cups does she need to add ?";

  private static final MwpParser PARSER = MwpParser.forHeader("cv/fold0/train.csv", MAWPS_HEADER);

  /** A MAWPS row with the given Question, Numbers, Equation and Answer fields (written as CSV). */
  static String row(String question, String numbers, String equation, String answer) {
    return question + "," + numbers + "," + equation + "," + answer + ",\"[1, 2]\",body,ques";
  }

  private static MwpRecord ok(MwpParser parser, String line) {
    ParseOutcome<MwpRecord> o = parser.parse(7, line);
    assertTrue(o instanceof ParseOutcome.Ok<MwpRecord>, o.toString());
    return ((ParseOutcome.Ok<MwpRecord>) o).value();
  }

  private static String reason(String line) {
    ParseOutcome<MwpRecord> o = PARSER.parse(7, line);
    assertTrue(o instanceof ParseOutcome.Malformed<MwpRecord>, o.toString());
    String reason = ((ParseOutcome.Malformed<MwpRecord>) o).reason();
    assertTrue(reason.startsWith("cv/fold0/train.csv line 7: "), reason);
    return reason.substring("cv/fold0/train.csv line 7: ".length());
  }

  @Test
  void goodMawpsRowKeepsTokensNumbersEquationAndAnswer() {
    MwpRecord r = ok(PARSER, GOOD);
    assertEquals(30, r.questionTokens().size());
    assertEquals(List.of("Mary", "is", "baking"), r.questionTokens().subList(0, 3));
    assertEquals("number0", r.questionTokens().get(9));
    assertEquals(List.of(8.0, 2.0), r.numbers());
    assertEquals(List.of("-", "number0", "number1"), r.equation());
    assertEquals(6.0, r.answer());
    assertEquals(16, r.contentHash().length());
    assertEquals(List.of(8, 9, 10, 17, 18, 19, 26, 27, 28), r.quantityCells());
  }

  @Test
  void quantityCellsAreOptionalAndMustBeAListOfPositions() {
    MwpParser noCells = MwpParser.forHeader("x.csv", "Question,Numbers,Equation,Answer");
    assertEquals(List.of(), ok(noCells, "a number0 b,3,number0,3").quantityCells());
    assertEquals(List.of(), ok(PARSER, row("a number0 b", "3", "number0", "3").replace("[1, 2]", "[]")).quantityCells());
    assertEquals("field 'group_nums' '[1, two]' is not a list of token positions",
        reason(row("a number0 b", "3", "number0", "3").replace("[1, 2]", "[1, two]")));
  }

  @Test
  void quotedFieldsWithCommasAndOtherHeadersParse() {
    // SVAMP's train file quotes questions containing commas and names its last column Ques.
    MwpParser svamp = MwpParser.forHeader("svamp/train.csv", "Question,Numbers,Equation,Answer,group_nums,Body,Ques");
    MwpRecord r = ok(svamp, "\"If Bryan has number0 books in each of his number1 bookshelves , how many books ?\","
        + "56.0 9.0,* number0 number1,504.0,\"[12, 13]\",\"If Bryan has number0 books , \",how many books ?");
    assertEquals(504.0, r.answer());
    assertEquals(",", r.questionTokens().get(11));
    // ASDiv-A: extra Grade and Type columns, integer numbers, "say ""hi""" escapes.
    MwpParser asdiv = MwpParser.forHeader("asdiv/dev.csv",
        "Question,Numbers,Equation,Answer,group_nums,Grade,Type,Body,Ques_Statement");
    MwpRecord a = ok(asdiv, "\"he said \"\"number0 + number1\"\" ?\",63 50,+ number0 number1,113.0,\"[1]\",2,Addition,b,q");
    assertEquals("\"number0", a.questionTokens().get(2));
    assertEquals(List.of(63.0, 50.0), a.numbers());
    // Constants and the 1e-4 tolerance: 0.01 * 2.99 * 100 = 2.99 within rounding.
    assertEquals(2.99, ok(PARSER, row("q number0", "2.99", "* * 0.01 number0 100.0", "2.99")).answer());
    // The same problem written differently hashes the same.
    assertEquals(ok(PARSER, row("a  number0 b", "8.0 2.0", "- number0 number1", "6")).contentHash(),
        ok(PARSER, row("a number0 b", "8 2", "- number0  number1", "6.0")).contentHash());
  }

  @Test
  void headerWithoutANeededColumnNamesTheFileAndColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MwpParser.forHeader("x/dev.csv", "Question,Numbers,Answer,Body"));
    assertTrue(e.getMessage().startsWith("x/dev.csv: header lacks column 'Equation'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MwpParser.forHeader("x/empty.csv", null));
    // A UTF-8 byte order mark does not hide the first column.
    ok(MwpParser.forHeader("bom.csv", "\uFEFF" + MAWPS_HEADER), GOOD);
  }

  @Test
  void eachMalformedKindNamesTheLineAndField() {
    assertEquals("has 8 fields, the header has 7", reason(GOOD + ",extra"));
    assertEquals("has 3 fields, the header has 7", reason("q number0,8.0,number0"));
    assertTrue(reason("\"q number0,8.0,number0,8,[],b,q").startsWith("unparseable CSV: unbalanced quote"));
    assertTrue(reason("\"q number0\" x,8.0,number0,8,[],b,q").startsWith("unparseable CSV: "));
    assertEquals("empty line", reason(""));
    assertEquals("field 'Question' is empty", reason(row(" ", "8.0", "number0", "8")));
    assertEquals("field 'Numbers': entry 1 'two' is not a number", reason(row("q", "8.0 two", "number0", "8")));
    assertEquals("field 'Numbers': entry 0 'NaN' is not a number", reason(row("q", "NaN", "number0", "8")));
    assertEquals("field 'Equation' '- number0' is not a prefix expression: too few operands for '-' at token 1",
        reason(row("q", "8.0 2.0", "- number0", "6")));
    assertEquals("field 'Equation' '- number0 number1 number1' is not a prefix expression: too many operands: "
        + "2 expressions side by side, not one", reason(row("q", "8.0 2.0", "- number0 number1 number1", "6")));
    assertEquals("field 'Equation' '% number0 number1' is not a prefix expression: unknown token '%' at token 1",
        reason(row("q", "8.0 2.0", "% number0 number1", "6")));
    assertEquals("field 'Equation' '' is not a prefix expression: empty expression", reason(row("q", "8.0", "", "6")));
    assertEquals("field 'Equation' '+ number0 number2': number2 has no matching number (field 'Numbers' has 2)",
        reason(row("q", "8.0 2.0", "+ number0 number2", "10")));
    assertEquals("field 'Answer' 'six' is not a number", reason(row("q", "8.0 2.0", "- number0 number1", "six")));
    assertEquals("field 'Answer' '' is not a number", reason(row("q", "8.0 2.0", "- number0 number1", "")));
    assertEquals("field 'Answer' 7 is not reproduced by field 'Equation': number0 - number1 = 8 - 2 = 6"
        + " (relative tolerance 1.0E-4)", reason(row("q", "8.0 2.0", "- number0 number1", "7")));
    // MAWPS writes 10 / 3 as 3.333: a relative error of 1e-4, just outside the tolerance.
    assertTrue(reason(row("q", "3 10", "/ number1 number0", "3.333")).startsWith("field 'Answer' 3.333 is not reproduced"));
    assertEquals("field 'Equation' number0 / (number1 - number1) = 8 / (2 - 2) has no value: division by zero at token 1",
        reason(row("q", "8.0 2.0", "/ number0 - number1 number1", "1")));
  }

  @Test
  void wholeFileLinesAreNumberedFromTheHeader() {
    List<MwpParser.Line> lines = MwpParser.parseLines("f.csv", List.of(MAWPS_HEADER, GOOD, "broken", GOOD));
    assertEquals(List.of(2L, 3L, 4L), lines.stream().map(MwpParser.Line::lineNo).toList());
    assertTrue(lines.get(1).outcome() instanceof ParseOutcome.Malformed<MwpRecord> m
        && m.reason().equals("f.csv line 3: has 1 fields, the header has 7"), lines.get(1).toString());
  }
}
