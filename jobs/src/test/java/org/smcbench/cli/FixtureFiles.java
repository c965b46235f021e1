package org.smcbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small CommonsenseQA-shaped data root for CLI tests. */
final class FixtureFiles {
  private FixtureFiles() {}

  static void csqa(Path root, int train, int dev) throws IOException {
    Path csqa = Files.createDirectories(root.resolve("csqa"));
    Files.write(csqa.resolve("train_rand_split.jsonl"), questions("t", train), StandardCharsets.UTF_8);
    Files.write(csqa.resolve("dev_rand_split.jsonl"), questions("d", dev), StandardCharsets.UTF_8);
    Files.write(csqa.resolve("test_rand_split_no_answers.jsonl"), List.of(), StandardCharsets.UTF_8);
  }

  private static List<String> questions(String prefix, int n) {
    String[] animals = {"cat", "dog", "horse", "bird", "fish"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int answer = i % 5;
      StringBuilder choices = new StringBuilder();
      for (int c = 0; c < 5; c++) {
        choices.append(c == 0 ? "" : ", ").append("{\"label\": \"").append((char) ('A' + c))
            .append("\", \"text\": \"").append(animals[c]).append("\"}");
      }
      lines.add("{\"answerKey\": \"" + (char) ('A' + answer) + "\", \"id\": \"" + prefix + i
          + "\", \"question\": {\"choices\": [" + choices + "], \"stem\": \"Which animal is the " + animals[answer]
          + "?\"}}");
    }
    return lines;
  }
}
