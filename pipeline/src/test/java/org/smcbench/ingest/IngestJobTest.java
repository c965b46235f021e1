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
