package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import org.smcbench.ingest.IngestJob;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.CsqaFixture;
import org.smcbench.testing.SparkTestSession;

/** A diverging run is recorded as failed with its step; a retried Spark task yields one row. */
class FailuresAreDataTest {
  @TempDir
  Path dir;

  private Settings settings(String... extra) {
    List<String> sets = new java.util.ArrayList<>(List.of(
        "data.root=\"" + dir.resolve("data") + "\"",
        "models.minilm.layers=1", "models.minilm.max-seq-len=24",
        "training.steps=6", "training.warmup-steps=1", "training.batch-size=4",
        // A second dataset over the same files, so one sweep has two independent dense runs.
        "datasets.twin.task=multiple-choice", "datasets.twin.reader=csqa", "datasets.twin.eval-split=dev",
        "datasets.twin.chance=0.2", "datasets.twin.files.train=csqa/train_rand_split.jsonl",
        "datasets.twin.files.dev=csqa/dev_rand_split.jsonl",
        "sweep.methods=[dense]", "sweep.datasets=[csqa, twin]"));
    sets.addAll(List.of(extra));
    return ConfigLoader.load(null, sets, Map.of());
  }

  @Test
  void divergingRunIsRecordedAsFailedAndTheOthersFinish() throws Exception {
    CsqaFixture.write(dir.resolve("data"), 16, 4);
    // An absurd learning rate for csqa only: its loss becomes NaN/Inf within a few steps.
    Settings settings = settings("datasets.csqa.training.learning-rate=1e12");
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "failures");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    IngestJob.run(settings, warehouse, quiet);
    SweepJob.Summary summary = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    assertEquals(1, summary.failed());
    assertEquals(1, summary.succeeded());
    Row failed = warehouse.read(Tables.RUNS).where("status = 'failed'").first();
    assertEquals("csqa", failed.getAs("dataset"));
    assertEquals("org.smcbench.train.TrainingDiverged", failed.getAs("error_class"));
    int step = failed.getAs("failed_step");
    assertTrue(step >= 1 && step <= 6, "failed at step " + step);
    assertTrue(failed.<String>getAs("error").contains("at step " + step), failed.<String>getAs("error"));
    Row ok = warehouse.read(Tables.RUNS).where("status = 'succeeded'").first();
    assertEquals("twin", ok.getAs("dataset"));

    // A plain re-run leaves recorded failures alone; --rerun-failed runs exactly those again.
    assertEquals(new SweepJob.Summary(2, 2, 0, 0),
        new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE));
    assertEquals(new SweepJob.Summary(2, 1, 0, 1),
        new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.FAILED));
    assertEquals(2, warehouse.read(Tables.RUNS).count());
  }

  @Test
  void retriedTaskYieldsExactlyOneRow() throws Exception {
    CsqaFixture.write(dir.resolve("data"), 16, 4);
    Settings settings = settings("sweep.datasets=[csqa]");
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "retries");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    IngestJob.run(settings, warehouse, quiet);
    int before = FaultInjection.INJECTED.get();
    System.setProperty(FaultInjection.FAIL_FIRST_ATTEMPT, "true");
    try {
      SweepJob.Summary summary = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
      assertEquals(1, summary.succeeded());
    } finally {
      System.clearProperty(FaultInjection.FAIL_FIRST_ATTEMPT);
    }
    assertEquals(before + 1, FaultInjection.INJECTED.get(), "the first attempt was failed on purpose");
    assertEquals(1, warehouse.read(Tables.RUNS).count());
    assertEquals("succeeded", warehouse.read(Tables.RUNS).first().getAs("status"));
  }

  @Test
  void outOfMemoryIsRecordedAsFailedAtItsStep() throws Exception {
    CsqaFixture.write(dir.resolve("data"), 16, 4);
    Settings settings = settings("sweep.datasets=[csqa]");
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "oom");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true);
    IngestJob.run(settings, warehouse, out);
    System.setProperty(FaultInjection.OOM_AT_STEP, "3");
    SweepJob.Summary summary;
    try {
      summary = new SweepJob(settings, warehouse, out, "test").run(SweepJob.Rerun.NONE);
    } finally {
      System.clearProperty(FaultInjection.OOM_AT_STEP);
    }
    assertEquals(new SweepJob.Summary(1, 0, 0, 1), summary);
    Row failed = warehouse.read(Tables.RUNS).first();
    assertEquals("failed", failed.getAs("status"));
    assertEquals("java.lang.OutOfMemoryError", failed.getAs("error_class"));
    assertEquals(3, (int) failed.<Integer>getAs("failed_step"));
    // The summary names the failed configuration, its error and step.
    String printed = log.toString();
    assertTrue(printed.contains("failed configurations"), printed);
    assertTrue(printed.contains("dense csqa minilm seed=1 (" + failed.getAs("run_key") + "): java.lang.OutOfMemoryError"),
        printed);
    assertTrue(printed.contains("[step 3]"), printed);
  }

  @Test
  void afterMethodWhoseDenseCheckpointVanishedFailsNamingTheFile() throws Exception {
    CsqaFixture.write(dir.resolve("data"), 16, 4);
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "lost_checkpoint");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    Settings denseOnly = settings("sweep.datasets=[csqa]");
    IngestJob.run(denseOnly, warehouse, quiet);
    assertEquals(1, new SweepJob(denseOnly, warehouse, quiet, "test").run(SweepJob.Rerun.NONE).succeeded());
    String denseKey = warehouse.read(Tables.RUNS).first().getAs("run_key");
    Path checkpoint = Path.of(warehouse.root(), "checkpoints", denseKey + ".safetensors");
    java.nio.file.Files.delete(checkpoint);

    Settings withOmp = settings("sweep.datasets=[csqa]", "sweep.methods=[dense, omp_after]", "sweep.sparsities=[0.5]");
    SweepJob.Summary summary = new SweepJob(withOmp, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    assertEquals(new SweepJob.Summary(2, 1, 0, 1), summary);
    Row omp = warehouse.read(Tables.RUNS).where("method = 'omp_after'").first();
    assertEquals("failed", omp.getAs("status"));
    assertEquals("java.io.IOException", omp.getAs("error_class"));
    assertTrue(omp.<String>getAs("error").contains(denseKey + ".safetensors"), omp.<String>getAs("error"));
    assertEquals(2, warehouse.read(Tables.RUNS).count());
  }
}
