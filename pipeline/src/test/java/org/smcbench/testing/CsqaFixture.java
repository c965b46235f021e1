package org.smcbench.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small CommonsenseQA-shaped data root written by tests: learnable, with one malformed line. */
public final class CsqaFixture {
  private CsqaFixture() {}

  /** Question whose right answer is the choice that repeats a word of the stem. */
  public static String question(String id, int answer, boolean labelled) {
    String[] animals = {"cat", "dog", "horse", "bird", "fish"};
    String key = animals[answer];
    StringBuilder choices = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      if (i > 0) {
        choices.append(", ");
      }
      choices.append("{\"label\": \"").append((char) ('A' + i)).append("\", \"text\": \"").append(animals[i]).append("\"}");
    }
    String answerKey = labelled ? "\"answerKey\": \"" + (char) ('A' + answer) + "\", " : "";
    return "{" + answerKey + "\"id\": \"" + id + "\", \"question\": {\"question_concept\": \"animal\", \"choices\": ["
        + choices + "], \"stem\": \"Which animal is the " + key + "?\"}}";
  }

  /** Writes csqa/{train,dev,test} under {@code root}; train has {@code train} good lines + 1 malformed (line 3). */
  public static void write(Path root, int train, int dev) throws IOException {
    Path csqa = Files.createDirectories(root.resolve("csqa"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < train; i++) {
      lines.add(question("t" + i, i % 5, true));
      if (i == 1) {
        lines.add("{\"id\": \"broken\", \"question\": ");
      }
    }
    Files.write(csqa.resolve("train_rand_split.jsonl"), lines, StandardCharsets.UTF_8);
    List<String> devLines = new ArrayList<>();
    for (int i = 0; i < dev; i++) {
      devLines.add(question("d" + i, (i * 3) % 5, true));
    }
    Files.write(csqa.resolve("dev_rand_split.jsonl"), devLines, StandardCharsets.UTF_8);
    Files.write(csqa.resolve("test_rand_split_no_answers.jsonl"), List.of(question("x0", 0, false)),
        StandardCharsets.UTF_8);
  }
}
