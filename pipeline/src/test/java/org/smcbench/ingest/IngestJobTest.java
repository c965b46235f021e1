package org.smcbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.CsqaFixture;
import org.smcbench.testing.SparkTestSession;

class IngestJobTest {
  @TempDir
  Path dir;

  @Test
  void malformedLineIsQuarantinedValidRowsLandAndRerunDoesNotDuplicate() throws Exception {
    CsqaFixture.write(dir.resolve("data"), 6, 3);
    Settings settings = ConfigLoader.load(null, List.of("data.root=\"" + dir.resolve("data") + "\""), Map.of());
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "ingest_test");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    List<IngestJob.SplitCount> first = IngestJob.run(settings, warehouse, quiet);
    assertEquals(List.of(
        new IngestJob.SplitCount("csqa", "dev", "minilm", 3, 3, 0),
        new IngestJob.SplitCount("csqa", "test", "minilm", 1, 1, 0),
        new IngestJob.SplitCount("csqa", "train", "minilm", 7, 6, 1)), first);
    IngestJob.run(settings, warehouse, quiet);

    assertEquals(10, warehouse.read(Tables.QA_EXAMPLES).count());
    List<Row> bad = warehouse.read(Tables.QUARANTINE).collectAsList();
    assertEquals(1, bad.size());
    Row q = bad.get(0);
    assertEquals(3L, q.<Long>getAs("record_no"));
    assertTrue(q.<String>getAs("source_file").endsWith("csqa/train_rand_split.jsonl"));
    assertTrue(q.<String>getAs("reason").startsWith("invalid JSON"), q.<String>getAs("reason"));
    assertEquals("{\"id\": \"broken\", \"question\": ", q.<String>getAs("raw"));

    Row test = warehouse.read(Tables.QA_EXAMPLES).where("split = 'test'").first();
    assertTrue(test.isNullAt(test.fieldIndex("label")), "unlabelled test question lands with a null label");
    Row t0 = warehouse.read(Tables.QA_EXAMPLES).where("example_id = 't0'").first();
    @SuppressWarnings("unchecked")
    scala.collection.Seq<Integer> firstChoice = (scala.collection.Seq<Integer>) t0.getList(t0.fieldIndex("first_ids")).get(0);
    List<Integer> stem = List.copyOf(scala.collection.JavaConverters.seqAsJavaList(firstChoice));
    // "which animal is the cat?" in all-MiniLM's uncased WordPiece vocabulary.
    assertEquals(List.of(2029, 4111, 2003, 1996, 4937, 1029), stem);
  }

  @Test
  void raceFoldersAndWinograndeLandWithTheirBadRecordsQuarantined() throws Exception {
    Path data = dir.resolve("data");
    Path train = Files.createDirectories(data.resolve("race/RACE/train/middle"));
    Path dev = Files.createDirectories(data.resolve("race/RACE/dev/middle"));
    Files.writeString(train.resolve("1.txt"), org.smcbench.data.RaceParserTest.PASSAGE);
    Files.writeString(train.resolve("2.txt"), org.smcbench.data.RaceParserTest.PASSAGE
        .replace("middle42", "middle43").replace("\"D\"]", "\"Z\"]"));
    Files.writeString(train.resolve("3.txt"), "{\"id\": \"middle44.txt\", \"article\": ");
    Files.writeString(dev.resolve("9.txt"), org.smcbench.data.RaceParserTest.PASSAGE.replace("middle42", "middle9"));
    Path wino = Files.createDirectories(data.resolve("winogrande"));
    String good = "{\"qID\": \"w%d\", \"sentence\": \"Ann helped Bea because _ was kind.\", \"option1\": \"Ann\", "
        + "\"option2\": \"Bea\", \"answer\": \"1\"}";
    Files.write(wino.resolve("train_xs.jsonl"), List.of(String.format(good, 1), "{\"qID\": \"w2\", \"sentence\": \"no blank\", "
        + "\"option1\": \"a\", \"option2\": \"b\", \"answer\": \"1\"}", String.format(good, 3)));
    Files.write(wino.resolve("dev.jsonl"), List.of(String.format(good, 4)));
    Files.write(wino.resolve("test.jsonl"), List.of(String.format(good, 5).replace(", \"answer\": \"1\"", "")));
    Settings settings = ConfigLoader.load(null, List.of("data.root=\"" + data + "\"", "sweep.datasets=[race-m, winogrande]",
        "datasets.race-m.files.test=\"\"", "datasets.winogrande.files.train=\"winogrande/train_xs.jsonl\""), Map.of());
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "ingest_race_wino");
    List<IngestJob.SplitCount> counts = IngestJob.run(settings, warehouse, new PrintStream(new ByteArrayOutputStream()));
    assertEquals(List.of(
        new IngestJob.SplitCount("race-m", "dev", "minilm", 2, 2, 0),
        // 2 + 2 questions, one of them with answer Z, and one unreadable file.
        new IngestJob.SplitCount("race-m", "train", "minilm", 5, 3, 2),
        new IngestJob.SplitCount("winogrande", "dev", "minilm", 1, 1, 0),
        new IngestJob.SplitCount("winogrande", "test", "minilm", 1, 1, 0),
        new IngestJob.SplitCount("winogrande", "train", "minilm", 3, 2, 1)), counts);
    List<Row> bad = warehouse.read(Tables.QUARANTINE).orderBy("dataset", "source_file").collectAsList();
    assertEquals(3, bad.size());
    assertTrue(bad.get(0).<String>getAs("source_file").endsWith("race/RACE/train/middle/2.txt"), bad.get(0).toString());
    assertEquals(2L, bad.get(0).<Long>getAs("record_no"));
    assertTrue(bad.get(0).<String>getAs("reason").contains("answer 'Z'"), bad.get(0).toString());
    assertTrue(bad.get(1).<String>getAs("source_file").endsWith("3.txt"));
    assertEquals(0L, bad.get(1).<Long>getAs("record_no"));
    assertTrue(bad.get(1).<String>getAs("reason").startsWith("invalid JSON"), bad.get(1).toString());
    assertEquals(2L, bad.get(2).<Long>getAs("record_no"));
    assertTrue(bad.get(2).<String>getAs("reason").contains("exactly one blank"));
    Row race = warehouse.read(Tables.QA_EXAMPLES).where("example_id = 'middle42-2'").first();
    assertEquals(3, (int) race.<Integer>getAs("label"));
    assertTrue(race.<scala.collection.Seq<Integer>>getAs("context_ids").size() > 5, "the article is tokenized as context");
    Row test = warehouse.read(Tables.QA_EXAMPLES).where("example_id = 'w5'").first();
    assertTrue(test.isNullAt(test.fieldIndex("label")));

    // Re-running adds nothing.
    IngestJob.run(settings, warehouse, new PrintStream(new ByteArrayOutputStream()));
    assertEquals(3 + 2 + 2 + 1 + 1, warehouse.read(Tables.QA_EXAMPLES).count());
    assertEquals(3, warehouse.read(Tables.QUARANTINE).count());
  }

  @Test
  void realCommonsenseQaLandsWhole() throws Exception {
    Path shared = Path.of(System.getProperty("smc.project.root", "."), "..", "shared", "data");
    Assumptions.assumeTrue(Files.isDirectory(shared.resolve("csqa")), "../shared/data/csqa is absent");
    Settings settings = ConfigLoader.load(null, List.of("data.root=\"" + shared.toAbsolutePath().normalize() + "\""),
        Map.of());
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "ingest_real");
    List<IngestJob.SplitCount> counts = IngestJob.run(settings, warehouse, new PrintStream(new ByteArrayOutputStream()));
    assertEquals(List.of(
        new IngestJob.SplitCount("csqa", "dev", "minilm", 1221, 1221, 0),
        new IngestJob.SplitCount("csqa", "test", "minilm", 1140, 1140, 0),
        new IngestJob.SplitCount("csqa", "train", "minilm", 9741, 9741, 0)), counts);
  }
}
