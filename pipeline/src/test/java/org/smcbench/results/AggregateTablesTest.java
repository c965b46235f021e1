package org.smcbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.sparsity.MaskSet;
import org.smcbench.testing.SparkTestSession;

/**
 * The derived tables from hand-made runs recorded through {@link ResultsStore}, with values worked
 * out by hand: matching sparsity and curve area, Student t intervals, layer profiles and Jaccard
 * overlaps of stored bitsets.
 */
class AggregateTablesTest {
  @TempDir static Path dir;
  private static Warehouse warehouse;

  private static RunRecord run(String key, String dataset, String method, double sparsity, int seed, String metric,
      double value, String status) {
    return run(key, dataset, method, sparsity, seed, metric, value, status, "global");
  }

  private static RunRecord run(String key, String dataset, String method, double sparsity, int seed, String metric,
      double value, String status, String selection) {
    String metrics = metric.equals("accuracy") ? "{\"accuracy\":" + value + ",\"eval_examples\":1000.0}" : "{}";
    return new RunRecord(key, "t", dataset, "", "m", method, method.equals("dense") ? "none" : "after", sparsity,
        sparsity, seed, selection, "all-matrices", metric, status.equals(RunRecord.FAILED) ? null : value, 0.2, metrics,
        status, null, null, null, 10, 1.0, 1.0, "{}", "cpu", "0", "v1", 0, null, "{}", 1_000_000L);
  }

  /** A dense translation run scored on fr→en and en→ja (per-direction entries as the evaluation writes them). */
  private static RunRecord translationRun(String key, int seed, double frEn, double enJa) {
    String metrics = String.format(java.util.Locale.ROOT, "{\"bleu\":%s,\"chrf\":40.0,\"eval_examples\":8.0,"
        + "\"bleu.fr-en\":%s,\"chrf.fr-en\":50.0,\"copy_bleu.fr-en\":2.5,\"copy_chrf.fr-en\":28.0,"
        + "\"bleu.en-ja\":%s,\"chrf.en-ja\":30.0,\"copy_bleu.en-ja\":0.5,\"copy_chrf.en-ja\":1.0}",
        (frEn + enJa) / 2, frEn, enJa);
    return new RunRecord(key, "translation", "tr", "", "mbart-cpu", "dense", "none", 0.0, 0.0, seed, "global",
        "all-matrices", "bleu", (frEn + enJa) / 2, 1.5, metrics, RunRecord.SUCCEEDED, null, null, null, 10, 1.0, 1.0,
        "{}", "cpu", "0", "v1", 0, null, "{}", 1_000_000L);
  }

  private static MaskRecord mask(String key, int position, String parameter, int numel, int... kept) {
    boolean[] bits = new boolean[numel];
    for (int k : kept) {
      bits[k] = true;
    }
    return new MaskRecord(key, position, parameter, numel, kept.length, MaskSet.pack(bits));
  }

  @BeforeAll
  static void record() throws Exception {
    warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "agg_tables");
    List<RunOutcome> outcomes = new ArrayList<>();
    outcomes.add(new RunOutcome(run("d", "ds", "dense", 0.0, 1, "accuracy", 0.5, RunRecord.SUCCEEDED), List.of()));
    double[][] curve = {{0.2, 0.5, 0.3}, {0.5, 0.4, 0.2}}; // sparsity, method a, method b
    for (double[] point : curve) {
      for (String method : List.of("a", "b")) {
        String key = method + point[0];
        double value = method.equals("a") ? point[1] : point[2];
        List<LayerRecord> layers = List.of(new LayerRecord(key, 0, "w0", 0, "ffn_in", 10, method.equals("a") ? 2 : 4),
            new LayerRecord(key, 1, "w1", 1, "ffn_out", 10, 6));
        List<MaskRecord> masks = method.equals("a")
            ? List.of(mask(key, 0, "w0", 10, 0, 1, 2, 3), mask(key, 1, "w1", 10, 9))
            : List.of(mask(key, 0, "w0", 10, 2, 3, 4), mask(key, 1, "w1", 10, 9));
        outcomes.add(new RunOutcome(run(key, "ds", method, point[0], 1, "accuracy", value, RunRecord.SUCCEEDED), layers,
            masks));
      }
    }
    outcomes.add(new RunOutcome(run("f", "ds", "a", 0.8, 1, "accuracy", 0, RunRecord.FAILED), List.of()));
    // a non-accuracy metric over two seeds: Student t interval
    outcomes.add(new RunOutcome(run("b1", "mt", "dense", 0.0, 1, "bleu", 20.0, RunRecord.SUCCEEDED), List.of()));
    outcomes.add(new RunOutcome(run("b2", "mt", "dense", 0.0, 2, "bleu", 22.0, RunRecord.SUCCEEDED), List.of()));
    // the same method globally and under a 2:4 pattern: two curves
    outcomes.add(new RunOutcome(run("n0", "nm", "dense", 0.0, 1, "accuracy", 0.6, RunRecord.SUCCEEDED, "2:4"),
        List.of()));
    outcomes.add(new RunOutcome(run("n1", "nm", "a", 0.5, 1, "accuracy", 0.55, RunRecord.SUCCEEDED), List.of()));
    outcomes.add(new RunOutcome(run("n2", "nm", "a", 0.5, 1, "accuracy", 0.45, RunRecord.SUCCEEDED, "2:4"),
        List.of()));
    outcomes.add(new RunOutcome(translationRun("t1", 1, 10.0, 4.0), List.of()));
    outcomes.add(new RunOutcome(translationRun("t2", 2, 12.0, 6.0), List.of()));
    new ResultsStore(warehouse).record(outcomes);
    AggregateJob.run(warehouse, 0.01);
  }

  private static Map<String, Row> byMethod(String table) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : warehouse.read(table).where("dataset = 'ds'").collectAsList()) {
      out.put(r.getAs("method"), r);
    }
    return out;
  }

  @Test
  void matchingSparsityAndCurveAreaRankTheMethods() {
    Map<String, Row> m = byMethod(Tables.MATCHING_SPARSITY);
    assertEquals(2, m.size(), "sparse methods only");
    Row a = m.get("a");
    assertEquals(0.2, (double) a.getAs("highest_matching_sparsity"), 1e-12);
    assertEquals(0.5, (double) a.getAs("lowest_failing_sparsity"), 1e-12);
    // (0.2·(0.5+0.5)/2 + 0.3·(0.5+0.4)/2) / 0.5
    assertEquals(0.47, (double) a.getAs("auc"), 1e-12);
    assertEquals(1, (int) a.getAs("auc_rank"));
    Row b = m.get("b");
    assertNull(b.getAs("highest_matching_sparsity"));
    assertEquals(0.2, (double) b.getAs("lowest_failing_sparsity"), 1e-12);
    assertEquals(0.31, (double) b.getAs("auc"), 1e-12);
    assertEquals(2, (int) b.getAs("auc_rank"));
    assertEquals(2L, (long) b.getAs("n_sparsities"));
  }

  @Test
  void aMethodUnderAnotherSelectionIsItsOwnCurve() {
    Map<String, Double> means = new HashMap<>();
    for (Row r : warehouse.read(Tables.LEADERBOARD).where("dataset = 'nm'").collectAsList()) {
      means.put(r.getAs("method"), r.getAs("metric_mean"));
    }
    assertEquals(Map.of("dense", 0.6, "a", 0.55, "a 2:4", 0.45), means);
  }

  @Test
  void nonAccuracyMetricsGetAStudentTIntervalOverSeeds() {
    Row bleu = warehouse.read(Tables.LEADERBOARD).where("dataset = 'mt'").first();
    double halfWidth = 12.706204736174694 * Math.sqrt(2.0) / Math.sqrt(2); // t(0.975, 1) · std / √n, std = √2
    assertEquals(21.0 - halfWidth, (double) bleu.getAs("ci95_low"), 1e-9);
    assertEquals(21.0 + halfWidth, (double) bleu.getAs("ci95_high"), 1e-9);
  }

  @Test
  void layerProfileKeepsModelOrder() {
    List<Row> rows = warehouse.read(Tables.LAYER_PROFILE)
        .where("method = 'b' AND target_sparsity = 0.5").orderBy("position").collectAsList();
    assertEquals(List.of("w0", "w1"), rows.stream().map(r -> (String) r.getAs("parameter")).toList());
    assertEquals(0.4, (double) rows.get(0).getAs("sparsity_mean"), 1e-12);
    assertEquals(0.6, (double) rows.get(1).getAs("sparsity_mean"), 1e-12);
  }

  @Test
  void maskOverlapIsTheJaccardOfTheStoredBitsets() {
    List<Row> rows = warehouse.read(Tables.MASK_OVERLAP).where("target_sparsity = 0.2").orderBy("position")
        .collectAsList();
    assertEquals(3, rows.size(), "overall + two tensors: " + rows);
    Row all = rows.get(0);
    assertEquals("*", all.getAs("parameter"));
    assertEquals("a", all.getAs("method_a"));
    assertEquals("b", all.getAs("method_b"));
    // w0: {0,1,2,3} vs {2,3,4} → 2 / 5; w1: {9} vs {9} → 1 / 1; overall 3 / 6
    assertEquals(0.4, (double) rows.get(1).getAs("jaccard"), 1e-12);
    assertEquals(1.0, (double) rows.get(2).getAs("jaccard"), 1e-12);
    assertEquals(3L, (long) all.getAs("intersection"));
    assertEquals(6L, (long) all.getAs("union_count"));
    assertEquals(0.5, (double) all.getAs("jaccard"), 1e-12);
  }

  @Test
  void viewsAnswerTheCommonQuestions() {
    var spark = warehouse.spark();
    List<Row> ranking = spark.sql("SELECT method, auc_rank FROM agg_tables.method_ranking WHERE dataset = 'ds' "
        + "ORDER BY auc_rank").collectAsList();
    assertEquals(List.of("a", "b"), ranking.stream().map(r -> r.getString(0)).toList());
    List<Row> failed = spark.sql("SELECT run_key FROM agg_tables.failed_runs").collectAsList();
    assertEquals(List.of("f"), failed.stream().map(r -> r.getString(0)).toList());
    long latest = spark.sql("SELECT count(*) FROM agg_tables.latest_leaderboard").first().getLong(0);
    assertTrue(latest == warehouse.read(Tables.LEADERBOARD).count() && latest > 0, "all cells ran in the same day");
  }

  @Test
  void translationScoresHaveOneRowPerRunAndDirectionWithTheirSignatures() {
    List<Row> rows = warehouse.read(Tables.TRANSLATION_SCORES).orderBy("seed", "direction").collectAsList();
    assertEquals(4, rows.size(), "2 runs x 2 directions, from translation runs only: " + rows);
    Row enJa = rows.get(0);
    assertEquals("en-ja", enJa.getAs("direction"));
    assertEquals("en", enJa.getAs("src_lang"));
    assertEquals("ja", enJa.getAs("tgt_lang"));
    assertEquals(4.0, (double) enJa.getAs("bleu"), 0);
    assertEquals(30.0, (double) enJa.getAs("chrf"), 0);
    assertEquals(0.5, (double) enJa.getAs("copy_bleu"), 0);
    assertEquals(1.0, (double) enJa.getAs("copy_chrf"), 0);
    // Japanese is scored on characters (sacreBLEU's ja-mecab cannot ship here), English with 13a.
    assertEquals("nrefs:1|case:mixed|eff:no|tok:char|smooth:exp|version:2.6.0-smc", enJa.getAs("bleu_signature"));
    Row frEn = rows.get(1);
    assertEquals("fr-en", frEn.getAs("direction"));
    assertEquals(10.0, (double) frEn.getAs("bleu"), 0);
    assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-smc", frEn.getAs("bleu_signature"));
    assertEquals("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0-smc", frEn.getAs("chrf_signature"));
    assertEquals("t2", rows.get(3).getAs("run_key"));
    assertEquals(12.0, (double) rows.get(3).getAs("bleu"), 0);
    // The leaderboard's cell is the mean over seeds of the run metric, itself the mean over directions.
    Row cell = warehouse.read(Tables.LEADERBOARD).where("dataset = 'tr'").first();
    assertEquals(8.0, (double) cell.getAs("metric_mean"), 1e-12);
  }
}
