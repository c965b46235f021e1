package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import org.smcbench.ingest.IngestJob;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.HotProteinFixture;
import org.smcbench.testing.SparkTestSession;

/**
 * The TAPE family through ingest and a sweep on a HotProtein-layout fixture: dense and OMP (After)
 * at 50 % over the protein scope with tape-cpu (random weights, a few steps), reading TAPE's ids of
 * the sequences ingest stored with ESM tokens.
 */
class TapePipelineTest {
  @TempDir
  Path dir;

  @Test
  void denseAndOmpAfterRunOnTapeCpu() throws Exception {
    Random rng = new Random(11);
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("hp"));
    StringBuilder fasta = new StringBuilder();
    List<String> names = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String id = "P" + (20000 + i);
      boolean hot = i % 2 == 1;
      names.add(id);
      labels.add(hot ? 1 : 0);
      // A gap symbol now and then: ingest keeps it (ESM id 30, one past TAPE's 30-row embedding);
      // TAPE reads it as <unk>.
      String sequence = HotProteinFixture.markedProtein(rng, hot ? 'E' : 'K', "LAGVST-", 20 + rng.nextInt(15));
      fasta.append(HotProteinFixture.fastaRecord(id, "protein", sequence));
    }
    Files.writeString(data.resolve("hp/all.fasta"), fasta.toString());
    HotProteinFixture.writeFold(data.resolve("hp/fold_0.pkl"), names.subList(0, 16), labels.subList(0, 16),
        names.subList(16, 24), labels.subList(16, 24));

    Settings settings = ConfigLoader.load(null, List.of(
        "data.root=\"" + data + "\"",
        "datasets.hp-s2c2.files.sequences=\"hp/all.fasta\"",
        "datasets.hp-s2c2.files.splits=\"hp/fold_{fold}.pkl\"",
        "datasets.hp-s2c2.folds=[\"0\"]",
        "datasets.hp-s2c2.training={learning-rate=1e-3, learning-rates{classifier=1e-3}, batch-size=8, steps=6,"
            + " warmup-steps=1, eval-batch-size=8, schedule=linear}",
        "models.tape-cpu={layers=1, hidden-size=16, attention-heads=2, ffn-size=32, max-seq-len=24, dropout=0}",
        "sweep.datasets=[hp-s2c2]", "sweep.models=[tape-cpu]",
        "sweep.methods=[dense, omp_after]", "sweep.sparsities=[0.5]", "sweep.scope=attention-ffn",
        "sweep.scope-studies=[]"),
        Map.of());
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "tape_test");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    IngestJob.run(settings, warehouse, quiet);
    assertEquals(24, warehouse.read(Tables.PROTEIN_EXAMPLES).count());
    SweepJob.Summary summary = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    assertEquals(new SweepJob.Summary(2, 0, 2, 0), summary);
    List<Row> runs = warehouse.read(Tables.RUNS).orderBy("method").collectAsList();
    assertEquals(List.of("dense", "omp_after"), runs.stream().map(r -> r.<String>getAs("method")).toList());
    for (Row r : runs) {
      assertEquals("succeeded", r.getAs("status"), String.valueOf(r.<String>getAs("error")));
      assertEquals("tape-cpu", r.getAs("model"));
      assertEquals("accuracy", r.getAs("metric_name"));
    }
    // OMP's masks hold through training: half of the attention and FFN weights are zero, nothing else is scored.
    String omp = runs.get(1).getAs("run_key");
    Row sums = warehouse.read(Tables.LAYER_SPARSITY).where("run_key = '" + omp + "'")
        .selectExpr("sum(numel)", "sum(zeros)").first();
    // One layer of hidden 16 and FFN 32: Q, K, V, O 16 x 16 and the two FFN matrices 32 x 16.
    assertEquals(4 * 16 * 16 + 2 * 32 * 16, sums.getLong(0));
    assertEquals(Math.round(0.5 * sums.getLong(0)), sums.getLong(1));
    assertEquals(0.5, runs.get(1).<Double>getAs("actual_sparsity"), 1e-12);
    Set<String> kinds = warehouse.read(Tables.LAYER_SPARSITY).where("run_key = '" + omp + "'").collectAsList()
        .stream().map(r -> r.<String>getAs("module_kind")).collect(Collectors.toSet());
    assertEquals(Set.of("attention_q", "attention_k", "attention_v", "attention_o", "ffn_in", "ffn_out"), kinds);
  }
}
