package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

/** Every method of the library runs in the sweep by its config name and writes result and layer rows. */
class AllMethodsSweepTest {
  @TempDir
  Path dir;

  @Test
  void everyMethodRecordsTheTargetSparsityExactly() throws Exception {
    CsqaFixture.write(dir.resolve("data"), 24, 6);
    Settings settings = ConfigLoader.load(null, List.of(
        "data.root=\"" + dir.resolve("data") + "\"",
        "models.minilm.layers=1", "models.minilm.max-seq-len=24",
        "training.steps=4", "training.warmup-steps=1", "training.batch-size=4", "training.learning-rate=1e-4",
        "methods.gmp.frequency=1", "methods.movement.frequency=1", "methods.rigl_omp.update-interval=1", "methods.rigl_random.update-interval=1",
        "methods.rigl_snip.update-interval=1", "methods.obert_lrr.gradients=2",
        "sweep.methods=[dense, omp_after, random_after, lth, gmp, omp_before, random_before, snip, rigl_omp,"
            + " rigl_random, rigl_snip, wanda, sparsegpt, obert_lrr, movement, wanda_no_retrain,"
            + " sparsegpt_no_retrain]",
        // One sparsity per method, two for LTH (its rounds chain 20 % -> 36 %): 18 configurations.
        // oBERT with LRR lists only 36 %, so its 20 % round runs without being a grid point: 19 runs.
        "sweep.sparsities=[0.36]", "sweep.method-sparsities={lth=[0.2, 0.36]}"), Map.of());
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "all_methods");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    IngestJob.run(settings, warehouse, quiet);

    SweepJob.Summary summary = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    assertEquals(new SweepJob.Summary(18, 0, 19, 0), summary);

    List<Row> runs = warehouse.read(Tables.RUNS).collectAsList();
    assertEquals(19, runs.size());
    for (Row r : runs) {
      assertEquals("succeeded", r.getAs("status"), r.getAs("method") + ": " + r.getAs("error"));
      double target = r.getAs("target_sparsity");
      double actual = r.getAs("actual_sparsity");
      // Exact counts: round(s * N) zeros over the scope (N is in the millions, so within 1e-6).
      assertEquals(target, actual, 1e-6, r.getAs("method") + " at " + target);
    }
    Map<String, String> timing = runs.stream().collect(Collectors.toMap(
        r -> r.getAs("method"), r -> r.getAs("timing"), (a, b) -> a));
    assertEquals("during", timing.get("gmp"));
    assertEquals("during", timing.get("movement"));
    assertEquals("during", timing.get("rigl_snip"));
    assertEquals("before", timing.get("snip"));
    assertEquals("after", timing.get("lth"));
    assertEquals("none", timing.get("dense"));
    assertEquals("after", timing.get("wanda"));
    assertEquals("after", timing.get("sparsegpt"));

    // Without re-training: no step trained, no loss, no train phase, and the same mask as the
    // re-trained run from the same dense parent and calibration (re-training keeps a mask fixed).
    for (String oneShot : List.of("wanda", "sparsegpt")) {
      Row retrained = runs.stream().filter(r -> r.getAs("method").equals(oneShot)).findFirst().orElseThrow();
      Row asPruned = runs.stream().filter(r -> r.getAs("method").equals(oneShot + "_no_retrain")).findFirst()
          .orElseThrow();
      assertEquals(4, retrained.<Integer>getAs("train_steps"));
      assertEquals(0, asPruned.<Integer>getAs("train_steps"));
      assertTrue(asPruned.isNullAt(asPruned.fieldIndex("final_loss")), oneShot + "_no_retrain has a loss");
      String phases = asPruned.getAs("phase_seconds");
      assertTrue(!phases.contains("\"train\""), phases);
      Map<String, byte[]> kept = masks(warehouse, retrained);
      Map<String, byte[]> keptAsPruned = masks(warehouse, asPruned);
      assertEquals(kept.keySet(), keptAsPruned.keySet());
      for (String parameter : kept.keySet()) {
        assertTrue(java.util.Arrays.equals(kept.get(parameter), keptAsPruned.get(parameter)),
            oneShot + ": the masks of " + parameter + " differ");
      }
    }

    // LTH: one run, two rounds, chained: dense -> 20 % -> 36 %.
    Row lth20 = runs.stream().filter(r -> r.getAs("method").equals("lth") && (double) r.getAs("target_sparsity") == 0.2)
        .findFirst().orElseThrow();
    Row lth36 = runs.stream().filter(r -> r.getAs("method").equals("lth") && (double) r.getAs("target_sparsity") == 0.36)
        .findFirst().orElseThrow();
    Row dense = runs.stream().filter(r -> r.getAs("method").equals("dense")).findFirst().orElseThrow();
    assertEquals(dense.<String>getAs("run_key"), lth20.getAs("parent_run_key"));
    assertEquals(lth20.<String>getAs("run_key"), lth36.getAs("parent_run_key"));
    // oBERT with learning-rate rewinding: the same chain, embeddings and heads dense (its own scope).
    List<Row> obert = runs.stream().filter(r -> r.getAs("method").equals("obert_lrr"))
        .sorted(java.util.Comparator.comparingDouble(r -> r.<Double>getAs("target_sparsity"))).toList();
    assertEquals(List.of(0.2, 0.36), obert.stream().map(r -> r.<Double>getAs("target_sparsity")).toList());
    assertEquals(dense.<String>getAs("run_key"), obert.get(0).getAs("parent_run_key"));
    assertEquals(obert.get(0).<String>getAs("run_key"), obert.get(1).getAs("parent_run_key"));
    assertEquals("no-embeddings-heads", obert.get(1).getAs("scope"));
    assertEquals(0, warehouse.read(Tables.LAYER_SPARSITY).where("run_key = '" + obert.get(1).getAs("run_key")
        + "' AND module_kind IN ('embedding', 'head')").count());

    long layerRuns = warehouse.read(Tables.LAYER_SPARSITY).select("run_key").distinct().count();
    assertEquals(19, layerRuns);
    assertTrue(warehouse.read(Tables.LAYER_SPARSITY).where("module_kind = 'embedding'").count() > 0);

    SweepJob.Summary again = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    assertEquals(new SweepJob.Summary(18, 18, 0, 0), again);

    // One-shot scores as 2:4 masks, beside the unstructured runs (the dense run is shared).
    Settings nm = ConfigLoader.load(null, List.of("data.root=\"" + dir.resolve("data") + "\"",
        "models.minilm.layers=1", "models.minilm.max-seq-len=24", "training.steps=4", "training.warmup-steps=1",
        "training.batch-size=4", "training.learning-rate=1e-4", "sweep.selection=\"2:4\"",
        "sweep.methods=[dense, omp_after, snip, wanda]", "sweep.sparsities=[0.5]"), Map.of());
    assertEquals(new SweepJob.Summary(4, 1, 3, 0), new SweepJob(nm, warehouse, quiet, "test").run(SweepJob.Rerun.NONE));
    List<Row> patterned = warehouse.read(Tables.RUNS).where("selection = '2:4' AND method <> 'dense'").collectAsList();
    assertEquals(3, patterned.size());
    for (Row r : patterned) {
      // zeros in the live weights: the pattern's half, plus any kept weight that is exactly 0
      assertEquals(0.5, r.<Double>getAs("actual_sparsity"), 1e-6);
      for (Row m : warehouse.read(Tables.MASKS).where("run_key = '" + r.getAs("run_key") + "'").collectAsList()) {
        byte[] bits = m.getAs("bits");
        long numel = m.getAs("numel");
        // the bitset holds the non-zero weights: at most 2 of every 4, and (but for exact zeros) 2
        long total = 0;
        for (long g = 0; g < numel; g += 4) {
          int kept = 0;
          for (long i = g; i < g + 4; i++) {
            kept += (bits[(int) (i >> 3)] >> (i & 7)) & 1;
          }
          assertTrue(kept <= 2, r.getAs("method") + " " + m.getAs("parameter") + " group at " + g + ": " + kept);
          total += kept;
        }
        assertTrue(total >= numel / 2 - 16, m.getAs("parameter") + ": " + total + " of " + numel);
      }
    }
    org.smcbench.results.AggregateJob.run(warehouse, 0.01);
    assertEquals(1, warehouse.read(Tables.LEADERBOARD).where("method = 'omp_after 2:4'").count());
  }

  /** A run's kept-entry bitsets by parameter. */
  private static Map<String, byte[]> masks(Warehouse warehouse, Row run) {
    Map<String, byte[]> bits = new java.util.TreeMap<>();
    for (Row m : warehouse.read(Tables.MASKS).where("run_key = '" + run.getAs("run_key") + "'").collectAsList()) {
      bits.put(m.getAs("parameter"), m.getAs("bits"));
    }
    assertTrue(!bits.isEmpty(), "no masks for " + run.getAs("method"));
    return bits;
  }
}
