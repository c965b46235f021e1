package org.smcbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.smcbench.task.mc.McEncoder;

public class RaceParserTest {
  public static final String PASSAGE = "{\"answers\": [\"B\", \"D\"], \"options\": [[\"a cat\", \"a dog\", \"a bird\", \"a fish\"],"
      + " [\"red\", \"green\", \"blue\", \"black\"]], \"questions\": [\"Tom has   _  .\", \"What colour is his hat?\"],"
      + " \"article\": \"Tom has a dog. His hat is black.\", \"id\": \"middle42.txt\"}";

  private final RaceParser parser = new RaceParser();

  @Test
  void oneExamplePerQuestionWithTheOptionInTheQuestionsBlank() {
    List<FileParser.Parsed<McQuestion>> parsed = parser.parse(PASSAGE);
    assertEquals(2, parsed.size());
    McQuestion first = ((ParseOutcome.Ok<McQuestion>) parsed.get(0).outcome()).value();
    assertEquals(1, parsed.get(0).recordNo());
    assertEquals("middle42-1", first.id());
    assertEquals("Tom has a dog. His hat is black.", first.context());
    assertEquals(1, first.label());
    assertEquals("Tom has   a dog  .", first.seconds().get(1));
    assertEquals(List.of("", "", "", ""), first.firsts());
    McQuestion second = ((ParseOutcome.Ok<McQuestion>) parsed.get(1).outcome()).value();
    assertEquals("middle42-2", second.id());
    assertEquals(3, second.label());
    assertEquals("What colour is his hat? black", second.seconds().get(3));
  }

  @Test
  void aBadQuestionIsQuarantinedAloneABadFileWhole() {
    List<FileParser.Parsed<McQuestion>> parsed = parser.parse(PASSAGE.replace("\"D\"]", "\"E\"]"));
    assertInstanceOf(ParseOutcome.Ok.class, parsed.get(0).outcome());
    assertReason(parsed.get(1), "question 2: answer 'E' is not one of A-D");
    assertTrue(parsed.get(1).raw().contains("What colour is his hat?"), parsed.get(1).raw());
    assertReason(parser.parse(PASSAGE.replace(", \"black\"]", "]")).get(1), "question 2: needs exactly 4 options");
    assertReason(parser.parse(PASSAGE.replace("\"What colour is his hat?\"", "\" \"")).get(1), "empty question text");

    List<FileParser.Parsed<McQuestion>> whole = parser.parse(PASSAGE.replace("[\"B\", \"D\"]", "[\"B\"]"));
    assertEquals(1, whole.size());
    assertEquals(0, whole.get(0).recordNo());
    assertReason(whole.get(0), "differ in length");
    assertReason(parser.parse("{\"id\": \"x\", ").get(0), "invalid JSON");
    assertReason(parser.parse(PASSAGE.replace("Tom has a dog. His hat is black.", "")).get(0), "'article'");
  }

  @Test
  void truncationCutsTheArticleNotTheQuestionOrOption() {
    int[] article = new int[100];
    int[][] empty = {{}, {}, {}, {}};
    int[][] qa = {{7, 8, 9}, {7, 8, 10}, {7, 8, 11}, {7, 8, 12}};
    int[][] encoded = McEncoder.encode(new McTokens(article, empty, qa), 2, 16, 101, 102);
    // [CLS] 10 article tokens [SEP] question+option [SEP]
    assertEquals(16, encoded[0].length);
    assertEquals(List.of(7, 8, 11, 102), List.of(encoded[0][12], encoded[0][13], encoded[0][14], encoded[0][15]));
    assertEquals(102, encoded[0][11]);
  }

  @Test
  void realDevMiddleParsesWhole() throws IOException {
    Path dir = Path.of(System.getProperty("smc.project.root", "."), "..", "shared", "data", "race", "RACE", "dev",
        "middle");
    Assumptions.assumeTrue(Files.isDirectory(dir), dir + " is absent");
    int files = 0;
    int questions = 0;
    try (DirectoryStream<Path> passages = Files.newDirectoryStream(dir, "*.txt")) {
      for (Path p : passages) {
        files++;
        for (FileParser.Parsed<McQuestion> q : parser.parse(Files.readString(p, StandardCharsets.UTF_8))) {
          assertInstanceOf(ParseOutcome.Ok.class, q.outcome(), p + ": " + q.outcome());
          questions++;
        }
      }
    }
    assertEquals(368, files);
    assertEquals(1436, questions);
  }

  private static void assertReason(FileParser.Parsed<McQuestion> p, String expected) {
    ParseOutcome.Malformed<McQuestion> bad = assertInstanceOf(ParseOutcome.Malformed.class, p.outcome());
    assertTrue(bad.reason().contains(expected), bad.reason());
  }
}
