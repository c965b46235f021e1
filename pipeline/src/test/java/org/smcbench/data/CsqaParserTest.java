package org.smcbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsqaParserTest {
  private static final String GOOD = "{\"answerKey\": \"B\", \"id\": \"q1\", \"question\": {\"question_concept\": \"x\","
      + " \"choices\": [{\"label\": \"A\", \"text\": \"red\"}, {\"label\": \"B\", \"text\": \"blue\"},"
      + " {\"label\": \"C\", \"text\": \"green\"}], \"stem\": \"What colour is the sky?\"}}";

  private final CsqaParser parser = new CsqaParser();

  @Test
  void parsesAQuestion() {
    McQuestion q = ((ParseOutcome.Ok<McQuestion>) parser.parse(GOOD)).value();
    assertEquals("q1", q.id());
    assertEquals(List.of("red", "blue", "green"), q.choices());
    assertEquals(1, q.label());
    assertEquals("What colour is the sky?", q.firsts().get(2));
    assertEquals("green", q.seconds().get(2));
  }

  @Test
  void testSplitWithoutAnswerHasNullLabel() {
    McQuestion q = ((ParseOutcome.Ok<McQuestion>) parser.parse(GOOD.replace("\"answerKey\": \"B\", ", ""))).value();
    assertNull(q.label());
  }

  @Test
  void malformedRecordsGiveReasons() {
    assertReason("{\"id\": \"q1\", \"question\": ", "invalid JSON");
    assertReason("[1, 2]", "not a JSON object");
    assertReason("", "empty line");
    assertReason(GOOD.replace("\"id\": \"q1\", ", ""), "missing field 'id'");
    assertReason(GOOD.replace("\"stem\": \"What colour is the sky?\"", "\"stem\": \"  \""), "question.stem");
    assertReason(GOOD.replace("\"answerKey\": \"B\"", "\"answerKey\": \"E\""), "answerKey 'E' is not one of");
    assertReason(GOOD.replace("\"text\": \"blue\"", "\"text\": \"\""), "question.choices[1]");
    assertReason(GOOD.replace("sky", "sk\uFFFD"), "invalid UTF-8");
  }

  private void assertReason(String line, String expected) {
    ParseOutcome<McQuestion> outcome = parser.parse(line);
    ParseOutcome.Malformed<McQuestion> bad = assertInstanceOf(ParseOutcome.Malformed.class, outcome);
    assertTrue(bad.reason().contains(expected), bad.reason());
  }
}
