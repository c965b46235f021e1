package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigError;

/** Which files each layout pairs, on folders the test writes (no Spark). */
class ParallelLayoutsTest {
  private static final HadoopListing FS = new HadoopListing(new Configuration());
  private static final Language EN = Languages.ENGLISH;

  @TempDir
  Path dir;

  private static List<String> describe(LayoutFiles files) {
    return files.pairs().stream().map(p -> p.corpus() + " " + p.language() + "=" + ParallelFixture.name(p.file())
        + " " + p.pivot() + "=" + ParallelFixture.name(p.pivotFile())).toList();
  }

  @Test
  void opus100PairsTheSplitsFilesInTheAlphabeticalPairFolder() throws Exception {
    for (String split : List.of("train", "dev", "test")) {
      for (String lang : List.of("cs", "en")) {
        ParallelFixture.lines(dir.resolve("cs-en/opus.cs-en-" + split + "." + lang), "x");
      }
      for (String lang : List.of("en", "fr")) {
        ParallelFixture.lines(dir.resolve("en-fr/opus.en-fr-" + split + "." + lang), "x");
      }
    }
    LayoutFiles dev = new Opus100Layout().files(FS, dir.toString(), "dev", Languages.of(List.of("fr", "cs")), EN);
    assertEquals(List.of("opus.en-fr-dev fr=en-fr/opus.en-fr-dev.fr en=en-fr/opus.en-fr-dev.en",
        "opus.cs-en-dev cs=cs-en/opus.cs-en-dev.cs en=cs-en/opus.cs-en-dev.en"), describe(dev));
    assertEquals(List.of(), dev.unpaired());
    assertFalse(new Opus100Layout().multiWay());

    ConfigError e = assertThrows(ConfigError.class,
        () -> new Opus100Layout().files(FS, dir.toString(), "dev", Languages.of(List.of("fr", "de")), EN));
    assertEquals("opus100: no file for de (German): " + dir + "/de-en/opus.de-en-dev.de not found", e.getMessage());
  }

  @Test
  void testsetsReadEveryTestSetOfBothCodeSpellingsAndSetAsideFilesWithoutCounterpart() throws Exception {
    for (String set : List.of("newstest2013", "newstest2014")) {
      ParallelFixture.lines(dir.resolve("en-fr/" + set + ".en"), "x");
      ParallelFixture.lines(dir.resolve("en-fr/" + set + ".fr"), "x");
    }
    ParallelFixture.lines(dir.resolve("en-fr/newstest2015.fr"), "orphan");
    ParallelFixture.lines(dir.resolve("en-fr/newstest2014.en.labels"), "not text");
    ParallelFixture.lines(dir.resolve("eng-vie/tatoeba-test-v2021-08-07.eng"), "x");
    ParallelFixture.lines(dir.resolve("eng-vie/tatoeba-test-v2021-08-07.vie"), "x");
    // The same test set again under the 639-3 spelling of the pair, and a pair not configured.
    ParallelFixture.lines(dir.resolve("fra-eng/newstest2014.eng"), "x");
    ParallelFixture.lines(dir.resolve("fra-eng/newstest2014.fra"), "x");
    ParallelFixture.lines(dir.resolve("en-de/newstest2019.de"), "x");
    ParallelFixture.lines(dir.resolve("en-de/newstest2019.en"), "x");

    LayoutFiles files = new OpusMtTestsetsLayout().files(FS, dir.toString(), "test",
        Languages.of(List.of("fr", "vi")), EN);
    assertEquals(List.of("newstest2013 fr=en-fr/newstest2013.fr en=en-fr/newstest2013.en",
        "newstest2014 fr=en-fr/newstest2014.fr en=en-fr/newstest2014.en",
        "tatoeba-test-v2021-08-07 vi=eng-vie/tatoeba-test-v2021-08-07.vie en=eng-vie/tatoeba-test-v2021-08-07.eng"),
        describe(files));
    assertEquals(List.of(
        new UnpairedFile(dir + "/en-fr/newstest2015.fr", "no counterpart to align with: " + dir
            + "/en-fr/newstest2015.en not found"),
        new UnpairedFile(dir + "/fra-eng/newstest2014.fra", "test set 'newstest2014' of fr-en is already read from "
            + dir + "/en-fr"),
        new UnpairedFile(dir + "/fra-eng/newstest2014.eng", "test set 'newstest2014' of fr-en is already read from "
            + dir + "/en-fr")), files.unpaired());

    ConfigError e = assertThrows(ConfigError.class, () -> new OpusMtTestsetsLayout().files(FS, dir.toString(), "test",
        Languages.of(List.of("ja")), EN));
    assertTrue(e.getMessage().startsWith("opus-mt-testsets: no test set for ja (Japanese) with en under " + dir
        + ": looked for a folder ja-en or en-ja (or ISO 639-3 jpn-eng)"), e.getMessage());
  }

  @Test
  void floresPairsEveryLanguageWithTheOnePivotFileOfTheSplit() throws Exception {
    for (String code : List.of("eng_Latn", "fra_Latn", "zho_Hans")) {
      ParallelFixture.lines(dir.resolve("devtest/" + code + ".devtest"), "x");
    }
    LayoutFiles files = new Flores200Layout().files(FS, dir.toString(), "devtest", Languages.of(List.of("fr", "zh")),
        EN);
    assertEquals(List.of("devtest fr=devtest/fra_Latn.devtest en=devtest/eng_Latn.devtest",
        "devtest zh=devtest/zho_Hans.devtest en=devtest/eng_Latn.devtest"), describe(files));
    assertTrue(new Flores200Layout().multiWay());
    ConfigError e = assertThrows(ConfigError.class, () -> new Flores200Layout().files(FS, dir.toString(), "dev",
        Languages.of(List.of("fr")), EN));
    assertEquals("flores200: no file for en (English): " + dir + "/dev/eng_Latn.dev not found", e.getMessage());
  }

  @Test
  void unknownLayoutIsNamedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParallelLayouts.get("wmt"));
    assertEquals("unknown parallel-text layout 'wmt': known are [opus100, opus-mt-testsets, flores200]",
        e.getMessage());
  }
}
