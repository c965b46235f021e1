package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import org.smcbench.data.mwp.MwpIngest;
import org.smcbench.data.mwp.PrefixExpression;
import org.smcbench.data.mwp.TemplateBaseline;
import org.smcbench.ingest.IngestJob;
import org.smcbench.results.AggregateJob;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.task.mwp.MwpFixture;
import org.smcbench.task.mwp.MwpProblem;
import org.smcbench.task.mwp.OutputVocab;
import org.smcbench.testing.SparkTestSession;

/**
 * The arithmetic task end to end on a two-fold MAWPS-layout fixture: ingest (both folds), a sweep
 * of GTS over a pretrained encoder (dense, OMP (After)) and Graph2Tree (dense only, by
 * sweep.model-methods) per fold, and the leaderboard pooling the folds while leaderboard_folds
 * keeps each.
 */
class ArithmeticSweepTest {
  private static final String HEADER = "Question,Numbers,Equation,Answer,group_nums,Body,Ques_Statement";

  @TempDir
  Path dir;

  /** The fixture problems as CSV rows of the SVAMP repository's layout. */
  private static List<String> rows(List<MwpProblem> problems) {
    List<String> rows = new ArrayList<>(List.of(HEADER));
    for (MwpProblem p : problems) {
      List<String> equation = OutputVocab.asDatasetTokens(p.prefix());
      double answer = PrefixExpression.evaluate(equation, p.numbers()).value();
      String numbers = String.join(" ", Arrays.stream(p.numbers()).mapToObj(Double::toString).toList());
      String cells = Arrays.toString(p.cells());
      rows.add("\"" + String.join(" ", p.tokens()) + "\"," + numbers + "," + String.join(" ", equation) + ","
          + answer + ",\"" + cells + "\",b,q");
    }
    return rows;
  }

  private static void write(Path file, List<String> lines) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
  }

  @Test
  void foldsAreRunRecordedAndPooled() throws Exception {
    List<MwpProblem> problems = MwpFixture.problems();
    Path data = dir.resolve("data");
    for (int fold = 0; fold < 2; fold++) {
      List<MwpProblem> train = new ArrayList<>(problems);
      // Each fold's dev split: every fifth problem (of a different offset), still also in train so
      // that a few steps can reach a non-zero answer accuracy.
      List<MwpProblem> dev = new ArrayList<>();
      for (int i = fold; i < problems.size(); i += 5) {
        dev.add(problems.get(i));
      }
      write(data.resolve("cv/fold" + fold + "/train.csv"), rows(train));
      write(data.resolve("cv/fold" + fold + "/dev.csv"), rows(dev));
    }
    Settings settings = ConfigLoader.load(null, List.of(
        "data.root=\"" + data + "\"",
        "datasets.mawps.files.train=\"cv/fold{fold}/train.csv\"",
        "datasets.mawps.files.dev=\"cv/fold{fold}/dev.csv\"",
        "datasets.mawps.folds=[\"0\", \"1\"]",
        "datasets.mawps.training.steps=8", "datasets.mawps.training.batch-size=10",
        "datasets.mawps.training.learning-rate=1e-2", "datasets.mawps.training.warmup-steps=0",
        // GTS embeds words with a one-layer MiniLM (the paper's whole-encoder setting), at its own rate.
        "models.gts.hidden-size=32", "models.gts.dropout=0", "models.gts.embeddings-from=minilm",
        "models.gts.embedding-mode=encoder", "models.minilm.layers=1",
        "datasets.mawps.training.learning-rates.embedding=1e-4",
        "models.graph2tree.hidden-size=32", "models.graph2tree.embedding-size=16", "models.graph2tree.dropout=0",
        "sweep.datasets=[mawps]", "sweep.models=[gts, graph2tree]", "sweep.methods=[dense, omp_after]",
        "sweep.sparsities=[0.5]", "sweep.model-methods.graph2tree=[dense]"), Map.of());
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "arith_test");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    List<IngestJob.SplitCount> counts = IngestJob.run(settings, warehouse, quiet);
    assertEquals(4, counts.size());
    assertEquals(2 * (20 + 4), warehouse.read(Tables.MWP_EXAMPLES).count());

    SweepJob.Summary summary = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    // per fold: GTS dense + OMP (After), Graph2Tree dense
    assertEquals(new SweepJob.Summary(6, 0, 6, 0), summary);
    List<Row> runs = warehouse.read(Tables.RUNS).collectAsList();
    for (Row r : runs) {
      assertEquals("succeeded", r.getAs("status"), String.valueOf(r.<String>getAs("error")));
      assertEquals("answer_accuracy", r.getAs("metric_name"));
      assertTrue(List.of("0", "1").contains(r.<String>getAs("fold")));
    }
    // Graph2Tree's graph module is in its prunable scope and its layerwise rows; GTS's pretrained
    // encoder is pruned with the rest (OMP (After) at 50 % of the whole scope).
    assertTrue(warehouse.read(Tables.LAYER_SPARSITY).where("module_kind = 'graph'").count() > 0);
    Row encoder = warehouse.read(Tables.LAYER_SPARSITY).as("l")
        .join(warehouse.read(Tables.RUNS).as("r"), "run_key")
        .where("r.method = 'omp_after' AND l.parameter = 'embedding.encoder.layer.0.attention.self.query.weight'")
        .selectExpr("l.module_kind", "l.numel").first();
    assertEquals("attention_q", encoder.getString(0));
    assertEquals(384L * 384, encoder.getLong(1));
    assertEquals(6, new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE).skipped());

    AggregateJob.run(warehouse, 0.01);
    Row pooled = warehouse.read(Tables.LEADERBOARD)
        .where("model = 'gts' AND method = 'dense'").first();
    assertEquals(2L, (long) pooled.<Long>getAs("n_folds"));
    assertEquals(8L, (long) pooled.<Long>getAs("eval_examples"));
    List<Row> perFold = warehouse.read(Tables.LEADERBOARD_FOLDS)
        .where("model = 'gts' AND method = 'dense'").orderBy("fold").collectAsList();
    assertEquals(List.of("0", "1"), perFold.stream().map(r -> r.<String>getAs("fold")).toList());
    double mean = perFold.stream().mapToDouble(r -> r.<Double>getAs("metric_mean")).average().orElseThrow();
    assertEquals(mean, pooled.<Double>getAs("metric_mean"), 1e-12);
    // The reference level of generated equations is the most-frequent-template baseline of the fold.
    List<org.smcbench.data.mwp.MwpRecord> train0 = warehouse.read(Tables.MWP_EXAMPLES)
        .where("fold = '0' AND split = 'train'").collectAsList().stream().map(MwpIngest::record).toList();
    List<org.smcbench.data.mwp.MwpRecord> dev0 = warehouse.read(Tables.MWP_EXAMPLES)
        .where("fold = '0' AND split = 'dev'").collectAsList().stream().map(MwpIngest::record).toList();
    double baseline = TemplateBaseline.run(train0, dev0).devAccuracy();
    assertEquals(baseline, perFold.get(0).<Double>getAs("chance"), 1e-12);
    assertEquals(3, warehouse.read(Tables.LEADERBOARD).count());
  }
}
