package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigError;
import org.smcbench.data.McIngest;
import org.smcbench.data.OutcomeRows;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.SparkTestSession;

class ParallelIngestTest {
  @TempDir
  Path dir;

  private static SparkSession spark() {
    return SparkTestSession.get();
  }

  /** OPUS-100 train/dev/test of cs-en and en-fr; "Thank you" is twice in en-fr train and once in cs-en train. */
  private Path opus100() throws Exception {
    Path root = dir.resolve("opus-100");
    ParallelFixture.lines(root.resolve("cs-en/opus.cs-en-train.cs"), "Ahoj", "Děkuji", "Pes");
    ParallelFixture.lines(root.resolve("cs-en/opus.cs-en-train.en"), "Hello", "Thank you", "Dog");
    ParallelFixture.lines(root.resolve("en-fr/opus.en-fr-train.en"), "Hello", "Thank you", "Cat", "Thank you");
    ParallelFixture.lines(root.resolve("en-fr/opus.en-fr-train.fr"), "Bonjour", "Merci", "Chat", "Merci bien");
    for (String split : List.of("dev", "test")) {
      ParallelFixture.lines(root.resolve("cs-en/opus.cs-en-" + split + ".cs"), "Ano " + split);
      ParallelFixture.lines(root.resolve("cs-en/opus.cs-en-" + split + ".en"), "Yes " + split);
      ParallelFixture.lines(root.resolve("en-fr/opus.en-fr-" + split + ".en"), "Yes " + split, "No " + split);
      ParallelFixture.lines(root.resolve("en-fr/opus.en-fr-" + split + ".fr"), "Oui " + split, "Non " + split);
    }
    return root;
  }

  @Test
  void opus100GivesBothDirectionsPerLineAndPairsThroughIdenticalEnglish() throws Exception {
    OutcomeRows.Split read = ParallelIngest.read(spark(), "opus", "train", "opus100", opus100().toString(),
        List.of("fr", "cs"), "en", true);
    List<Row> rows = read.examples().collectAsList();
    // 4 fr + 3 cs lines each way; fr↔cs: "Hello" and the first "Thank you" of each side, each way.
    assertEquals(Map.of("fr>en", 4L, "en>fr", 4L, "cs>en", 3L, "en>cs", 3L, "cs>fr", 2L, "fr>cs", 2L),
        ParallelFixture.directions(rows));
    assertEquals(List.of("Chat", "Cat", "opus.en-fr-train", 3L, "en-fr/opus.en-fr-train.fr", "en-fr/opus.en-fr-train.en"),
        ParallelFixture.values(ParallelFixture.row(rows, "fr", "en", "opus.en-fr-train:3")));
    assertEquals(List.of("Cat", "Chat", "opus.en-fr-train", 3L, "en-fr/opus.en-fr-train.en", "en-fr/opus.en-fr-train.fr"),
        ParallelFixture.values(ParallelFixture.row(rows, "en", "fr", "opus.en-fr-train:3")));
    assertEquals(List.of("Děkuji", "Merci", "opus.cs-en-train|opus.en-fr-train", 2L, "cs-en/opus.cs-en-train.cs",
        "en-fr/opus.en-fr-train.fr"), ParallelFixture.values(
            ParallelFixture.row(rows, "cs", "fr", "opus.cs-en-train:2|opus.en-fr-train:2")));
    assertEquals(List.of("Bonjour", "Ahoj", "opus.en-fr-train|opus.cs-en-train", 1L, "en-fr/opus.en-fr-train.fr",
        "cs-en/opus.cs-en-train.cs"), ParallelFixture.values(
            ParallelFixture.row(rows, "fr", "cs", "opus.en-fr-train:1|opus.cs-en-train:1")));
    assertEquals(List.of("opus/train"), rows.stream().map(r -> r.getAs("dataset") + "/" + r.getAs("split")).distinct()
        .toList());
    assertEquals(0, read.quarantine().count());

    // The split picks the files: test has 2 fr lines and 1 cs line, and no pivot pairs without the flag.
    List<Row> test = ParallelIngest.read(spark(), "opus", "test", "opus100", opus100().toString(),
        List.of("fr", "cs"), "en", false).examples().collectAsList();
    assertEquals(Map.of("fr>en", 2L, "en>fr", 2L, "cs>en", 1L, "en>cs", 1L), ParallelFixture.directions(test));
    assertEquals(List.of("Non test", "No test", "opus.en-fr-test", 2L, "en-fr/opus.en-fr-test.fr",
        "en-fr/opus.en-fr-test.en"), ParallelFixture.values(ParallelFixture.row(test, "fr", "en", "opus.en-fr-test:2")));
  }

  @Test
  void testsetsReadEveryTestSetOfAPairFolderAndThreeLetterFolders() throws Exception {
    Path root = dir.resolve("testsets");
    ParallelFixture.lines(root.resolve("en-fr/newstest2013.en"), "A house.", "The sun.");
    ParallelFixture.lines(root.resolve("en-fr/newstest2013.fr"), "Une maison.", "Le soleil.");
    ParallelFixture.lines(root.resolve("en-fr/newstest2014.en"), "One.", "Two.", "Three.");
    ParallelFixture.lines(root.resolve("en-fr/newstest2014.fr"), "Un.", "Deux.", "Trois.");
    ParallelFixture.lines(root.resolve("en-fr/newstest2015.fr"), "Orphelin.", "Seul.");
    ParallelFixture.lines(root.resolve("eng-vie/tatoeba-test-v2021-08-07.eng"), "The sun.", "Rice.", "Two.");
    ParallelFixture.lines(root.resolve("eng-vie/tatoeba-test-v2021-08-07.vie"), "Mặt trời.", "Cơm.", "Hai.");

    OutcomeRows.Split read = ParallelIngest.read(spark(), "tests", "test", "opus-mt-testsets", root.toString(),
        List.of("fr", "vi"), "en", true);
    List<Row> rows = read.examples().collectAsList();
    // fr: 2 + 3 lines, vi: 3 lines, each way; fr↔vi through "The sun." and "Two.", each way.
    assertEquals(Map.of("fr>en", 5L, "en>fr", 5L, "vi>en", 3L, "en>vi", 3L, "fr>vi", 2L, "vi>fr", 2L),
        ParallelFixture.directions(rows));
    assertEquals(List.of("Le soleil.", "The sun.", "newstest2013", 2L, "en-fr/newstest2013.fr", "en-fr/newstest2013.en"),
        ParallelFixture.values(ParallelFixture.row(rows, "fr", "en", "newstest2013:2")));
    assertEquals(List.of("Two.", "Deux.", "newstest2014", 2L, "en-fr/newstest2014.en", "en-fr/newstest2014.fr"),
        ParallelFixture.values(ParallelFixture.row(rows, "en", "fr", "newstest2014:2")));
    assertEquals(List.of("Cơm.", "Rice.", "tatoeba-test-v2021-08-07", 2L, "eng-vie/tatoeba-test-v2021-08-07.vie",
        "eng-vie/tatoeba-test-v2021-08-07.eng"),
        ParallelFixture.values(ParallelFixture.row(rows, "vi", "en", "tatoeba-test-v2021-08-07:2")));
    assertEquals(List.of("Hai.", "Deux.", "tatoeba-test-v2021-08-07|newstest2014", 3L,
        "eng-vie/tatoeba-test-v2021-08-07.vie", "en-fr/newstest2014.fr"), ParallelFixture.values(
            ParallelFixture.row(rows, "vi", "fr", "tatoeba-test-v2021-08-07:3|newstest2014:2")));

    // The test-set file without its English counterpart is quarantined line by line.
    List<Row> bad = read.quarantine().orderBy("record_no").collectAsList();
    assertEquals(List.of("Orphelin.", "Seul."), bad.stream().map(r -> r.<String>getAs("raw")).toList());
    assertEquals(List.of(1L, 2L), bad.stream().map(r -> r.<Long>getAs("record_no")).toList());
    assertEquals("en-fr/newstest2015.fr", ParallelFixture.name(bad.get(0).getAs("source_file")));
    assertEquals("no counterpart to align with: " + root.toAbsolutePath() + "/en-fr/newstest2015.en not found",
        bad.get(0).getAs("reason"));
  }

  @Test
  void floresPairsAreTheSameLineAndALanguageFileOfAnotherLengthIsQuarantinedAlone() throws Exception {
    Path root = dir.resolve("flores200_dataset");
    ParallelFixture.lines(root.resolve("devtest/eng_Latn.devtest"), "One.", "Two.", "Three.");
    ParallelFixture.lines(root.resolve("devtest/fra_Latn.devtest"), "Un.", "Deux.", "Trois.");
    ParallelFixture.lines(root.resolve("devtest/ces_Latn.devtest"), "Jedna.", "Dva.", "Tři.");
    ParallelFixture.lines(root.resolve("devtest/jpn_Jpan.devtest"), "一。", "二。", "三。");
    ParallelFixture.lines(root.resolve("devtest/deu_Latn.devtest"), "Eins.", "Zwei.");

    OutcomeRows.Split read = ParallelIngest.read(spark(), "flores", "devtest", "flores200", root.toString(),
        List.of("fr", "cs", "ja", "de"), "en", true);
    List<Row> rows = read.examples().collectAsList();
    // Every ordered pair of fr, cs, ja and en: 3 lines each.
    Map<String, Long> expected = new java.util.TreeMap<>();
    for (String src : List.of("fr", "cs", "ja", "en")) {
      for (String tgt : List.of("fr", "cs", "ja", "en")) {
        if (!src.equals(tgt)) {
          expected.put(src + ">" + tgt, 3L);
        }
      }
    }
    assertEquals(expected, ParallelFixture.directions(rows));
    assertEquals(List.of("Dva.", "Deux.", "devtest", 2L, "devtest/ces_Latn.devtest", "devtest/fra_Latn.devtest"),
        ParallelFixture.values(ParallelFixture.row(rows, "cs", "fr", "devtest:2")));
    assertEquals(List.of("三。", "Trois.", "devtest", 3L, "devtest/jpn_Jpan.devtest", "devtest/fra_Latn.devtest"),
        ParallelFixture.values(ParallelFixture.row(rows, "ja", "fr", "devtest:3")));
    assertEquals(List.of("One.", "一。", "devtest", 1L, "devtest/eng_Latn.devtest", "devtest/jpn_Jpan.devtest"),
        ParallelFixture.values(ParallelFixture.row(rows, "en", "ja", "devtest:1")));

    // German has 2 lines where English has 3: its file alone is quarantined, English serves the others.
    List<Row> bad = read.quarantine().orderBy("record_no").collectAsList();
    assertEquals(List.of("Eins.", "Zwei."), bad.stream().map(r -> r.<String>getAs("raw")).toList());
    String base = root.toAbsolutePath() + "/devtest/";
    for (Row r : bad) {
      assertEquals(base + "deu_Latn.devtest", r.getAs("source_file"));
      assertEquals("line counts differ: " + base + "deu_Latn.devtest has 2 lines, " + base + "eng_Latn.devtest has 3"
          + " (the pivot, aligned with every language): this language's file is quarantined whole", r.getAs("reason"));
    }
    assertEquals(McIngest.QUARANTINE_SCHEMA.fieldNames().length, read.quarantine().columns().length);
  }

  @Test
  void aPairWhoseLineCountsDifferIsQuarantinedWholeAndLandsNothing() throws Exception {
    Path root = dir.resolve("opus-100");
    ParallelFixture.lines(root.resolve("en-fr/opus.en-fr-test.en"), "One.", "Two.", "Three.", "Four.");
    ParallelFixture.lines(root.resolve("en-fr/opus.en-fr-test.fr"), "Un.", "Deux.", "Quatre.");
    ParallelFixture.lines(root.resolve("cs-en/opus.cs-en-test.cs"), "Jedna.", "Dva.");
    ParallelFixture.lines(root.resolve("cs-en/opus.cs-en-test.en"), "One.", "Two.");

    OutcomeRows.Split read = ParallelIngest.read(spark(), "opus", "test", "opus100", root.toString(),
        List.of("fr", "cs"), "en", true);
    // cs lands both ways; nothing of fr, so no fr↔cs either.
    assertEquals(Map.of("cs>en", 2L, "en>cs", 2L), ParallelFixture.directions(read.examples().collectAsList()));
    List<Row> bad = read.quarantine().orderBy("source_file", "record_no").collectAsList();
    assertEquals(7, bad.size());
    assertEquals(List.of("en-fr/opus.en-fr-test.en:1:One.", "en-fr/opus.en-fr-test.en:2:Two.",
        "en-fr/opus.en-fr-test.en:3:Three.", "en-fr/opus.en-fr-test.en:4:Four.", "en-fr/opus.en-fr-test.fr:1:Un.",
        "en-fr/opus.en-fr-test.fr:2:Deux.", "en-fr/opus.en-fr-test.fr:3:Quatre."), bad.stream()
        .map(r -> ParallelFixture.name(r.getAs("source_file")) + ":" + r.getAs("record_no") + ":" + r.getAs("raw"))
        .toList());
    String dirFr = root.toAbsolutePath() + "/en-fr/opus.en-fr-test.";
    String reason = "line counts differ: " + dirFr + "fr has 3 lines, " + dirFr + "en has 4: the pair is quarantined whole";
    assertEquals(List.of(reason), bad.stream().map(r -> r.<String>getAs("reason")).distinct().toList());
    assertEquals(List.of("opus/test"), bad.stream().map(r -> r.getAs("dataset") + "/" + r.getAs("split")).distinct()
        .toList());
  }

  @Test
  void anEmptySideIsQuarantinedOncePerLineAndCrlfFilesAlignWithLfOnes() throws Exception {
    Path root = dir.resolve("testsets");
    // fr is written with CRLF, en with LF: the same 5 lines.
    ParallelFixture.raw(root.resolve("en-fr/newstest2014.fr"), "Un.\r\n\r\nTrois.\r\n\u3000\r\nCinq.\r\n");
    ParallelFixture.lines(root.resolve("en-fr/newstest2014.en"), "One.", "Two.", "  \t", "", "Five.");

    OutcomeRows.Split read = ParallelIngest.read(spark(), "tests", "test", "opus-mt-testsets", root.toString(),
        List.of("fr"), "en", false);
    List<Row> rows = read.examples().collectAsList();
    assertEquals(Map.of("fr>en", 2L, "en>fr", 2L), ParallelFixture.directions(rows));
    assertEquals(List.of("Cinq.", "Five.", "newstest2014", 5L, "en-fr/newstest2014.fr", "en-fr/newstest2014.en"),
        ParallelFixture.values(ParallelFixture.row(rows, "fr", "en", "newstest2014:5")));
    assertEquals(List.of("One.", "Un.", "newstest2014", 1L, "en-fr/newstest2014.en", "en-fr/newstest2014.fr"),
        ParallelFixture.values(ParallelFixture.row(rows, "en", "fr", "newstest2014:1")));

    List<Row> bad = read.quarantine().orderBy("record_no").collectAsList();
    String fr = root.toAbsolutePath() + "/en-fr/newstest2014.fr";
    String en = root.toAbsolutePath() + "/en-fr/newstest2014.en";
    assertEquals(List.of(2L, 3L, 4L), bad.stream().map(r -> r.<Long>getAs("record_no")).toList());
    assertEquals(List.of(fr), bad.stream().map(r -> r.<String>getAs("source_file")).distinct().toList());
    assertEquals(List.of("\tTwo.", "Trois.\t  \t", "\u3000\t"), bad.stream().map(r -> r.<String>getAs("raw")).toList());
    assertEquals(List.of(
        "empty line: the fr side (" + fr + " line 2) is empty",
        "empty line: the en side (" + en + " line 3) is empty",
        "empty line: both sides are empty, the fr side (" + fr + " line 4) and the en side (" + en + " line 4)"),
        bad.stream().map(r -> r.<String>getAs("reason")).toList());
  }

  @Test
  void unknownLanguageAndMissingFileFailNamingThem() throws Exception {
    Path root = opus100();
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ParallelIngest.read(spark(),
        "opus", "train", "opus100", root.toString(), List.of("fr", "klingon"), "en", false));
    assertTrue(unknown.getMessage().startsWith("unknown language code 'klingon': known are "), unknown.getMessage());
    IllegalArgumentException onlyPivot = assertThrows(IllegalArgumentException.class, () -> ParallelIngest.read(
        spark(), "opus", "train", "opus100", root.toString(), List.of("en"), "en", false));
    assertEquals("opus: no language to pair with the pivot en in [en]", onlyPivot.getMessage());
    ConfigError missing = assertThrows(ConfigError.class, () -> ParallelIngest.read(spark(), "opus", "train",
        "opus100", root.toString(), List.of("fr", "ru"), "en", false));
    assertEquals("opus100: no file for ru (Russian): " + root.toAbsolutePath() + "/en-ru/opus.en-ru-train.ru not found",
        missing.getMessage());
  }

  @Test
  void mergingTheSameReadTwiceChangesNothing() throws Exception {
    Path root = opus100();
    ParallelFixture.lines(root.resolve("cs-en/opus.cs-en-dev.cs"), "Ano.", "");
    ParallelFixture.lines(root.resolve("cs-en/opus.cs-en-dev.en"), "Yes.", "No.");
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "parallel_ingest_test");
    List<ParallelIngest.Counts> counts = new java.util.ArrayList<>();
    for (int run = 0; run < 2; run++) {
      counts.add(ParallelIngest.upsert(warehouse, ParallelIngest.read(spark(), "opus", "dev", "opus100",
          root.toString(), List.of("fr", "cs"), "en", true)));
      // 2 fr + 1 cs lines each way, no shared English; the empty cs line quarantined once.
      assertEquals(6, warehouse.read(Tables.PARALLEL_TEXT).count());
      assertEquals(1, warehouse.read(Tables.QUARANTINE).count());
    }
    assertEquals(List.of(new ParallelIngest.Counts(6, 1), new ParallelIngest.Counts(6, 1)), counts);
    assertEquals(6, warehouse.read(Tables.PARALLEL_TEXT).select(ParallelIngest.EXAMPLE_KEYS.stream()
        .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new)).distinct().count());
    assertEquals(List.of(ParallelIngest.EXAMPLE_SCHEMA.fieldNames()),
        List.of(warehouse.read(Tables.PARALLEL_TEXT).columns()));
  }
}
