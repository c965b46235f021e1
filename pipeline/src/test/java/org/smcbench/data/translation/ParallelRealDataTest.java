package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.smcbench.data.OutcomeRows;
import org.smcbench.testing.SparkTestSession;

/** The shared OPUS-MT-testsets and FLORES-200 devtest files (each test skipped when its folder is absent). */
class ParallelRealDataTest {
  private static Path translation() {
    return Path.of(System.getProperty("smc.project.root", "."), "..", "shared", "data", "translation")
        .toAbsolutePath().normalize();
  }

  private static Path flores() {
    Path root = translation().resolve("datasets/facebook/flores/flores200_dataset");
    Assumptions.assumeTrue(Files.isRegularFile(root.resolve("devtest/eng_Latn.devtest")), root + " lacks devtest");
    return root;
  }

  private static Path testsets() {
    Path root = translation().resolve("testsets");
    Assumptions.assumeTrue(Files.isRegularFile(root.resolve("en-fr/newstest2014.fr")), root + " lacks en-fr");
    return root;
  }

  @Test
  void floresDevtestFrenchAndCzechGiveEveryLineEachWayAndTheirPairs() throws Exception {
    Path root = flores();
    OutcomeRows.Split read = ParallelIngest.read(SparkTestSession.get(), "flores200", "devtest", "flores200",
        root.toString(), List.of("fr", "cs"), "en", true);
    List<Row> rows = read.examples().collectAsList();
    assertEquals(Map.of("fr>en", 1012L, "en>fr", 1012L, "cs>en", 1012L, "en>cs", 1012L, "fr>cs", 1012L, "cs>fr", 1012L),
        ParallelFixture.directions(rows));
    assertEquals(0, read.quarantine().count());
    Row first = ParallelFixture.row(rows, "en", "fr", "devtest:1");
    assertEquals("\"We now have 4-month-old mice that are non-diabetic that used to be diabetic,\" he added.",
        first.getAs("src"));
    // The no-break spaces of French typography are kept.
    assertEquals("«\u00a0Nous avons à présent des souris de 4\u00a0mois qui ne sont pas diabétiques alors qu'elles "
        + "l'étaient auparavant\u00a0», a-t-il ajouté.", first.getAs("tgt"));
    // Every row is exactly the files' lines at its number, read here without Spark.
    Map<String, List<String>> files = Map.of(
        "en", Files.readAllLines(root.resolve("devtest/eng_Latn.devtest"), StandardCharsets.UTF_8),
        "fr", Files.readAllLines(root.resolve("devtest/fra_Latn.devtest"), StandardCharsets.UTF_8),
        "cs", Files.readAllLines(root.resolve("devtest/ces_Latn.devtest"), StandardCharsets.UTF_8));
    for (Row r : rows) {
      int line = Math.toIntExact(r.<Long>getAs("line_no")) - 1;
      assertEquals(files.get(r.<String>getAs("src_lang")).get(line), r.getAs("src"), r.toString());
      assertEquals(files.get(r.<String>getAs("tgt_lang")).get(line), r.getAs("tgt"), r.toString());
    }
  }

  @Test
  void testsetsFrenchAndCzechGiveEveryLineEachWay() {
    OutcomeRows.Split read = ParallelIngest.read(SparkTestSession.get(), "opus-mt", "test", "opus-mt-testsets",
        testsets().toString(), List.of("fr", "cs"), "en", true);
    List<Row> rows = read.examples().collectAsList();
    // newstest2014 en-fr and newstest2019 en-cs share no English sentence: no fr↔cs pair.
    assertEquals(Map.of("fr>en", 3003L, "en>fr", 3003L, "cs>en", 1997L, "en>cs", 1997L),
        ParallelFixture.directions(rows));
    assertEquals(0, read.quarantine().count());
    Row last = ParallelFixture.row(rows, "fr", "en", "newstest2014:3003");
    assertEquals("Les recherches porteront sur l'inclusion sous tous ses angles: linguistique, scolaire, social et "
        + "culturel.", last.getAs("src"));
    assertEquals("Členové Velšského národního shromáždění mají obavy, že budou „vypadat jako mupeti“",
        ParallelFixture.row(rows, "cs", "en", "newstest2019:1").getAs("src"));
  }

  @Test
  void allTenLanguagesAreFoundInBothLayouts() {
    List<String> ten = Languages.PAPER.stream().map(Language::iso1).toList();
    Map<String, Long> testsets = linesPerLanguage(ParallelIngest.read(SparkTestSession.get(), "opus-mt", "test",
        "opus-mt-testsets", testsets().toString(), ten, "en", false));
    assertEquals(new TreeMap<>(Map.of("fr", 3003L, "cs", 1997L, "de", 1997L, "gu", 998L, "ja", 1000L, "my", 2100L,
        "ro", 1999L, "ru", 1997L, "vi", 2500L, "zh", 1997L)), testsets);
    Map<String, Long> flores = linesPerLanguage(ParallelIngest.read(SparkTestSession.get(), "flores200", "devtest",
        "flores200", flores().toString(), ten, "en", false));
    assertEquals(ten.size(), flores.size());
    assertEquals(List.of(1012L), flores.values().stream().distinct().toList());
  }

  /** X → en rows per language X, with no quarantine and as many en → X rows. */
  private static Map<String, Long> linesPerLanguage(OutcomeRows.Split read) {
    assertEquals(0, read.quarantine().count());
    Map<String, Long> toEnglish = new TreeMap<>();
    Map<String, Long> fromEnglish = new TreeMap<>();
    for (Row r : read.examples().groupBy("src_lang", "tgt_lang").count().collectAsList()) {
      if (r.getString(1).equals("en")) {
        toEnglish.put(r.getString(0), r.getLong(2));
      } else {
        fromEnglish.put(r.getString(1), r.getLong(2));
      }
    }
    assertEquals(toEnglish, fromEnglish);
    return toEnglish;
  }
}
