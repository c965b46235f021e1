package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.RunSpec;
import org.smcbench.config.Settings;
import org.smcbench.data.McDataLoader;
import org.smcbench.ingest.IngestJob;
import org.smcbench.model.ModelFamilies;
import org.smcbench.results.AggregateJob;
import org.smcbench.results.RunOutcome;
import org.smcbench.results.RunRecord;
import org.smcbench.results.Significance;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.task.TaskData;
import org.smcbench.testing.CsqaFixture;
import org.smcbench.testing.SparkTestSession;

/** ingest → sweep (Spark tasks) → aggregate on a small fixture with a one-layer MiniLM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepEndToEndTest {
  @TempDir
  static Path dir;

  private static final String SECRET = "hunter2-e2e-secret";
  private Settings settings;
  private Warehouse warehouse;
  private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

  @BeforeAll
  void ingest() throws Exception {
    CsqaFixture.write(dir.resolve("data"), 40, 10);
    settings = ConfigLoader.load(null, List.of(
        "data.root=\"" + dir.resolve("data") + "\"",
        "models.minilm.layers=1", "models.minilm.max-seq-len=32",
        "training.steps=4", "training.warmup-steps=1", "training.batch-size=4", "training.learning-rate=1e-4",
        "sweep.methods=[dense, omp_after, random_after]", "sweep.sparsities=[0.5]",
        // A credential in the configuration: stored configs must carry only its mask.
        "spark.conf.\"spark.hadoop.fs.s3a.secret.key\"=" + SECRET), Map.of());
    warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "sweep_test");
    IngestJob.run(settings, warehouse, quiet);
  }

  @Test
  void sweepRecordsEveryRunOnceResumesAndAggregates() {
    SweepJob.Summary first = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    assertEquals(new SweepJob.Summary(3, 0, 3, 0), first);

    List<Row> runs = warehouse.read(Tables.RUNS).orderBy("method").collectAsList();
    assertEquals(List.of("dense", "omp_after", "random_after"), runs.stream().map(r -> r.<String>getAs("method")).toList());
    for (Row r : runs) {
      assertEquals("succeeded", r.getAs("status"), String.valueOf(r.<String>getAs("error")));
      double accuracy = r.getAs("metric_value");
      assertTrue(accuracy >= 0 && accuracy <= 1);
      // Provenance: code version, the resolved configuration (secrets masked), the input table's
      // Delta version the run read, the device and the executor.
      assertEquals("test", r.getAs("code_version"));
      String config = r.getAs("config");
      assertTrue(config.contains("\"sweep\""), config);
      assertFalse(config.contains(SECRET), config);
      assertTrue(config.contains(org.smcbench.config.Secrets.MASK), config);
      assertEquals(warehouse.version(Tables.QA_EXAMPLES), (long) r.<Long>getAs("input_version"));
      assertEquals("cpu", r.getAs("device"));
      assertNotNull(r.getAs("executor_id"));
    }
    // Masks held through training: exactly round(0.5 * N) zeros over the prunable scope.
    String ompKey = runs.get(1).getAs("run_key");
    Row sums = warehouse.read(Tables.LAYER_SPARSITY).where("run_key = '" + ompKey + "'")
        .selectExpr("sum(numel)", "sum(zeros)").first();
    long numel = sums.getLong(0);
    long zeros = sums.getLong(1);
    assertEquals(Math.round(0.5 * numel), zeros);
    assertEquals((double) zeros / numel, runs.get(1).<Double>getAs("actual_sparsity"), 1e-12);
    assertEquals(runs.get(0).<String>getAs("run_key"), runs.get(1).<String>getAs("parent_run_key"));
    assertTrue(Files.exists(Path.of(warehouse.root(), "checkpoints", runs.get(0).getAs("run_key") + ".safetensors")));

    // Re-running resumes: nothing left to do, no duplicate rows.
    SweepJob.Summary second = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    assertEquals(new SweepJob.Summary(3, 3, 0, 0), second);
    assertEquals(3, warehouse.read(Tables.RUNS).count());
    long layerRows = warehouse.read(Tables.LAYER_SPARSITY).count();
    // A forced re-run replaces rows in place (MERGE on run_key): still one row per configuration.
    new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.ALL);
    assertEquals(3, warehouse.read(Tables.RUNS).count());
    assertEquals(layerRows, warehouse.read(Tables.LAYER_SPARSITY).count());

    List<Row> board = AggregateJob.run(warehouse, 0.01).collectAsList();
    assertEquals(3, board.size());
    Row dense = board.stream().filter(r -> r.getAs("method").equals("dense")).findFirst().orElseThrow();
    assertEquals(0.0, dense.<Double>getAs("diff_to_dense"), 1e-12);
    assertEquals(true, dense.getAs("matching"));
    // Significance against chance on the 10 dev questions: Wilson interval around the accuracy, binomial tail.
    assertEquals(10L, (long) dense.<Long>getAs("eval_examples"));
    assertEquals(0.2, dense.<Double>getAs("chance"), 0);
    double accuracy = dense.getAs("metric_mean");
    assertEquals(Significance.binomialUpperTail(Math.round(accuracy * 10), 10, 0.2), dense.<Double>getAs("p_vs_chance"),
        1e-12);
    assertTrue(dense.<Double>getAs("ci95_low") <= accuracy && accuracy <= dense.<Double>getAs("ci95_high"));
    assertTrue(dense.<Double>getAs("ci95_low") >= 0 && dense.<Double>getAs("ci95_high") <= 1);

    // Sparse runs store their kept-weight bitsets, consistent with their zeros; dense runs store none.
    Row kept = warehouse.read(Tables.MASKS).where("run_key = '" + ompKey + "'")
        .selectExpr("sum(numel)", "sum(kept)", "count(*)").first();
    assertEquals(numel, kept.getLong(0));
    assertEquals(numel - zeros, kept.getLong(1));
    assertEquals(0, warehouse.read(Tables.MASKS).where("run_key = '" + runs.get(0).getAs("run_key") + "'").count());
    // Two independent masks at 50 %: overlap near the chance level 1/3 (|A∩B| ≈ N/4, |A∪B| ≈ 3N/4).
    Row overlap = warehouse.read(Tables.MASK_OVERLAP).where("parameter = '*'").first();
    assertEquals("omp_after", overlap.getAs("method_a"));
    assertEquals("random_after", overlap.getAs("method_b"));
    assertEquals(1.0 / 3, overlap.<Double>getAs("jaccard"), 0.01);
  }

  @Test
  void sameRunTwiceGivesIdenticalMetrics() {
    RunSpec spec = SweepPlanner.expand(settings).get(0);
    byte[] tokenizer = ModelFamilies.get(spec.model().family()).tokenizerJson(spec.model());
    TaskData train = McDataLoader.load(warehouse, "csqa", "train", "minilm", 0, tokenizer);
    TaskData eval = McDataLoader.load(warehouse, "csqa", "dev", "minilm", 0, tokenizer);
    RunInputs inputs = new RunInputs(train, eval, dir.resolve("wh2").toString(), "cpu", 0, "test", "{}", 0.2);
    RunRecord a = RunExecutor.execute(spec, inputs).get(0).run();
    RunRecord b = RunExecutor.execute(spec, inputs).get(0).run();
    assertEquals("succeeded", a.status(), a.error());
    assertEquals(a.metricValue(), b.metricValue());
    assertEquals(a.finalLoss(), b.finalLoss());

    // A random mask is a function of the run key and seed: the same per-tensor zeros twice.
    RunSpec random = new RunSpec(spec.task(), spec.dataset(), spec.fold(), spec.model(), "random_before", Map.of(),
        0.36, spec.seed(), spec.selection(), spec.scope(), spec.evalSplit(), spec.training());
    RunOutcome r1 = RunExecutor.execute(random, inputs).get(0);
    RunOutcome r2 = RunExecutor.execute(random, inputs).get(0);
    assertEquals("succeeded", r1.run().status(), r1.run().error());
    assertEquals(r1.layers(), r2.layers());
    assertEquals(r1.run().metricValue(), r2.run().metricValue());
    assertEquals(r1.run().finalLoss(), r2.run().finalLoss());
  }
}
