package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** 8,000 subwords learned from the shared WMT test sets (skipped when shared/data/translation is absent). */
class SubwordRealDataTest {
  static final List<String> LANGUAGES = List.of("en_XX", "fr_XX", "cs_CZ");

  static Path translationData() {
    Path dir = Path.of(System.getProperty("smc.project.root", "."), "..", "shared", "data", "translation")
        .toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("testsets/en-fr/newstest2014.fr")),
        dir + " lacks testsets/en-fr/newstest2014.fr");
    return dir;
  }

  @Test
  void learnsEightThousandTokensFromNewstestAndRoundTripsFlores() throws IOException {
    Path data = translationData();
    List<String> lines = new ArrayList<>();
    for (String file : List.of("en-fr/newstest2014.en", "en-fr/newstest2014.fr", "en-cs/newstest2019.en",
        "en-cs/newstest2019.cs")) {
      lines.addAll(Files.readAllLines(data.resolve("testsets").resolve(file), StandardCharsets.UTF_8));
    }
    assertEquals(2 * 3003 + 2 * 1997, lines.size());
    Map<String, Long> counts = new HashMap<>();
    for (String line : lines) {
      MetaspacePreTokenizer.preTokenize(line).forEach(w -> counts.merge(w, 1L, Long::sum));
    }
    long start = System.nanoTime();
    BpeVocabulary vocabulary = BpeVocabulary.learn(counts, LANGUAGES, 8_000);
    System.out.printf("newstest en/fr/cs: %d lines, %d word types, %d merges learned in %.2f s%n", lines.size(),
        counts.size(), vocabulary.merges().size(), (System.nanoTime() - start) / 1e9);
    assertEquals(8_000, vocabulary.size());
    assertEquals(7_999, vocabulary.maskId());
    assertEquals(7_996, vocabulary.languageId("en_XX"));

    try (SubwordTokenizer tokenizer = SubwordTokenizer.of(vocabulary)) {
      // The words the Java side counted are the words the tokenizer splits, line by line.
      for (String line : lines) {
        assertEquals(MetaspacePreTokenizer.preTokenize(line),
            MetaspacePreTokenizerTest.wordsOf(tokenizer.encoding(line)), line);
      }
      Path flores = data.resolve("datasets/facebook/flores/flores200_dataset/devtest");
      List<String> french = Files.readAllLines(flores.resolve("fra_Latn.devtest"), StandardCharsets.UTF_8);
      String line = french.get(0);
      int[] ids = tokenizer.encode(line);
      assertEquals(MetaspacePreTokenizer.normalize(line), tokenizer.decode(ids));
      assertTrue(ids.length < line.length() / 2, ids.length + " tokens for " + line.length() + " characters");
      for (String file : List.of("fra_Latn", "eng_Latn", "ces_Latn")) {
        printTokensPerWord(tokenizer, vocabulary, file, Files.readAllLines(flores.resolve(file + ".devtest")));
      }
    }
  }

  private static void printTokensPerWord(SubwordTokenizer tokenizer, BpeVocabulary vocabulary, String name,
      List<String> lines) {
    long words = 0;
    long tokens = 0;
    long unknown = 0;
    for (String line : lines) {
      words += MetaspacePreTokenizer.preTokenize(line).size();
      for (int id : tokenizer.encode(line)) {
        tokens++;
        unknown += id == vocabulary.unkId() ? 1 : 0;
      }
    }
    System.out.printf("FLORES devtest %s: %d lines, %.3f tokens per word, %d <unk>%n", name, lines.size(),
        (double) tokens / words, unknown);
  }
}
