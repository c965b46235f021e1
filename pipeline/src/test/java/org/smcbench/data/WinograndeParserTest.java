package org.smcbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WinograndeParserTest {
  private static final String GOOD = "{\"qID\": \"w1\", \"sentence\": \"Sarah was a much better surgeon than Maria so _ "
      + "always got the easier cases.\", \"option1\": \"Sarah\", \"option2\": \"Maria\", \"answer\": \"2\"}";

  private final WinograndeParser parser = new WinograndeParser();

  @Test
  void eachOptionFillsTheBlankContextFirstThenOptionAndRest() {
    McQuestion q = ((ParseOutcome.Ok<McQuestion>) parser.parse(GOOD)).value();
    assertEquals("w1", q.id());
    assertEquals(List.of("Sarah", "Maria"), q.choices());
    assertEquals(1, q.label());
    assertEquals(List.of("Sarah was a much better surgeon than Maria so", "Sarah was a much better surgeon than Maria so"),
        q.firsts());
    assertEquals(List.of("Sarah always got the easier cases.", "Maria always got the easier cases."), q.seconds());
  }

  @Test
  void blankAtTheEndLeavesTheOptionAlone() {
    McQuestion q = ((ParseOutcome.Ok<McQuestion>) parser.parse(
        GOOD.replace("so _ always got the easier cases.", "so the easier cases went to _"))).value();
    assertEquals(List.of("Sarah", "Maria"), q.seconds());
  }

  @Test
  void testSplitWithoutAnswerHasNullLabel() {
    McQuestion q = ((ParseOutcome.Ok<McQuestion>) parser.parse(GOOD.replace(", \"answer\": \"2\"", ""))).value();
    assertNull(q.label());
  }

  @Test
  void malformedRecordsGiveReasons() {
    assertReason("{\"qID\": ", "invalid JSON");
    assertReason("", "empty line");
    assertReason(GOOD.replace("\"qID\": \"w1\", ", ""), "missing field 'qID'");
    assertReason(GOOD.replace(" _ ", " "), "exactly one blank");
    assertReason(GOOD.replace("easier", "_easier"), "exactly one blank");
    assertReason(GOOD.replace("\"Maria\", \"answer\"", "\"\", \"answer\""), "'option1' or 'option2'");
    assertReason(GOOD.replace("\"answer\": \"2\"", "\"answer\": \"3\""), "answer '3'");
    assertReason(GOOD.replace("Sarah was", "Sar\uFFFDh was"), "invalid UTF-8");
  }

  private void assertReason(String line, String expected) {
    ParseOutcome.Malformed<McQuestion> bad = assertInstanceOf(ParseOutcome.Malformed.class, parser.parse(line));
    assertTrue(bad.reason().contains(expected), bad.reason());
  }
}
