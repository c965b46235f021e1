package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import org.smcbench.pretrain.PretrainJob;
import org.smcbench.results.AggregateJob;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.HotProteinFixture;
import org.smcbench.testing.SparkTestSession;

/**
 * The protein task end to end on fixtures in HotProtein's and FLIP's layouts: ingest with every
 * kind of bad record quarantined with its reason, masked-LM pre-training registered once, a sweep
 * of dense, OMP (After) and the Table 1 module study (OMP (After) on the query matrices alone)
 * fine-tuned from that checkpoint, and the leaderboard naming the module-scoped curve.
 */
class ProteinPipelineTest {
  @TempDir
  Path dir;

  /** A residue string rich in K (class 0) or E (class 1), 30-50 long. */
  private static String protein(Random rng, boolean hot) {
    return HotProteinFixture.markedProtein(rng, hot ? 'E' : 'K', "LAGVSTIDPRNQ", 30 + rng.nextInt(21));
  }

  @Test
  void ingestPretrainSweepAndModuleStudy() throws Exception {
    Random rng = new Random(7);
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("hp"));
    Files.createDirectories(data.resolve("flip"));
    StringBuilder fasta = new StringBuilder();
    List<String> names = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "P" + (10000 + i);
      boolean hot = i % 2 == 1;
      names.add(id);
      labels.add(hot ? 1 : 0);
      fasta.append(HotProteinFixture.fastaRecord(id, "protein " + i, protein(rng, hot)));
    }
    // Bad records: a residue outside the alphabet, a repeated id (the first is kept).
    fasta.append(HotProteinFixture.fastaRecord("QBAD01", "bad residue", "MKKJKKE"));
    fasta.append(HotProteinFixture.fastaRecord("P10000", "again", "MEEEEEEEEEE"));
    Files.writeString(data.resolve("hp/all.fasta"), fasta.toString());
    List<String> train = new ArrayList<>(names.subList(0, 30));
    List<Integer> trainLabels = new ArrayList<>(labels.subList(0, 30));
    // QBAD01 (malformed in the FASTA) and QMISSING (absent) are in fold 0's train split.
    train.add("QBAD01");
    trainLabels.add(0);
    train.add("QMISSING");
    trainLabels.add(1);
    HotProteinFixture.writeFold(data.resolve("hp/fold_0.pkl"), train, trainLabels, names.subList(30, 40),
        labels.subList(30, 40));

    List<String> csv = new ArrayList<>(List.of("sequence,target,set"));
    for (int i = 0; i < 40; i++) {
      String s = protein(rng, i % 2 == 1);
      double e = s.chars().filter(c -> c == 'E').count() / (double) s.length();
      csv.add(s + "," + (45 + 30 * e + rng.nextGaussian()) + "," + (i < 30 ? "train" : "test"));
    }
    csv.add("MKKEE,not-a-number,train");
    csv.add("MKKJEE,50.0,train");
    Files.write(data.resolve("flip/task.csv"), csv);

    Settings settings = ConfigLoader.load(null, List.of(
        "data.root=\"" + data + "\"",
        "datasets.hp-s2c2.files.sequences=\"hp/all.fasta\"",
        "datasets.hp-s2c2.files.splits=\"hp/fold_{fold}.pkl\"",
        "datasets.hp-s2c2.folds=[\"0\"]",
        "datasets.meltome-clustered.files.csv=\"flip/task.csv\"",
        "datasets.hp-s2c2.training={learning-rate=3e-3, learning-rates{classifier=1e-2}, batch-size=10, steps=30,"
            + " warmup-steps=3, eval-batch-size=16, schedule=linear}",
        "datasets.meltome-clustered.training={learning-rate=3e-3, batch-size=10, steps=6, warmup-steps=0, schedule=linear,"
            + " eval-batch-size=16}",
        "models.esm-cpu={layers=1, hidden-size=16, attention-heads=2, ffn-size=32, max-seq-len=40, dropout=0,"
            + " pretrain={steps=4, batch-size=8, warmup-steps=0}}",
        "sweep.datasets=[hp-s2c2, meltome-clustered]", "sweep.models=[esm-cpu]",
        "sweep.methods=[dense, omp_after]", "sweep.sparsities=[0.5]", "sweep.scope=attention-ffn",
        "sweep.scope-studies=[{datasets=[hp-s2c2], methods=[omp_after], sparsities=[0.05], scopes=[attention_q]}]"),
        Map.of());
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "protein_test");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    IngestJob.run(settings, warehouse, quiet);
    assertEquals(30 + 10 + 40, warehouse.read(Tables.PROTEIN_EXAMPLES).count());
    assertEquals(10, warehouse.read(Tables.PROTEIN_EXAMPLES).where("dataset = 'hp-s2c2' AND split = 'test'").count());
    assertEquals(5, warehouse.read(Tables.PROTEIN_EXAMPLES).where("dataset = 'hp-s2c2' AND split = 'test'"
        + " AND label = 1").count());
    // Meltome is a regression here: targets, no labels.
    assertEquals(0, warehouse.read(Tables.PROTEIN_EXAMPLES).where("dataset = 'meltome-clustered'"
        + " AND (label IS NOT NULL OR target IS NULL)").count());
    List<String> reasons = warehouse.read(Tables.QUARANTINE).orderBy("source_file", "record_no")
        .collectAsList().stream().map(r -> r.<String>getAs("reason")).toList();
    assertEquals(6, reasons.size(), reasons.toString());
    assertTrue(reasons.stream().filter(r -> r.contains("'J'") && r.contains("ESM alphabet")).count() == 2, reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("duplicate FASTA id 'P10000'")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("name 'QMISSING' in fold 0 train has no valid entry")),
        reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("name 'QBAD01'")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("target") && r.contains("not-a-number")), reasons.toString());
    // The first record of P10000 is kept: K-rich, class 0.
    Row p10000 = warehouse.read(Tables.PROTEIN_EXAMPLES).where("id = 'P10000'").first();
    assertTrue(p10000.<String>getAs("sequence").contains("K"));
    // Re-running changes nothing.
    IngestJob.run(settings, warehouse, quiet);
    assertEquals(80, warehouse.read(Tables.PROTEIN_EXAMPLES).count());
    assertEquals(6, warehouse.read(Tables.QUARANTINE).count());

    List<PretrainJob.Outcome> pretrained = PretrainJob.run(settings, warehouse, quiet, "test");
    assertEquals(1, pretrained.size());
    Row registered = warehouse.read(Tables.PRETRAINED).first();
    assertEquals(List.of("hp-s2c2/0", "meltome-clustered"), registered.getList(registered.fieldIndex("corpus")));
    // The corpus is the train sequences: 30 HotProtein + 30 FLIP, held-out share by hash.
    assertEquals(60L, registered.<Long>getAs("train_sequences") + registered.<Long>getAs("held_out_sequences"));
    assertTrue(Files.isRegularFile(Path.of(registered.<String>getAs("location"), "model.safetensors")));
    assertTrue(PretrainJob.run(settings, warehouse, quiet, "test").get(0).skipped());

    SweepJob.Summary summary = new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE);
    // hp-s2c2: dense, omp_after 50 %, omp_after 5 % on attention_q; meltome: dense, omp_after.
    assertEquals(new SweepJob.Summary(5, 0, 5, 0), summary);
    for (Row r : warehouse.read(Tables.RUNS).collectAsList()) {
      assertEquals("succeeded", r.getAs("status"), String.valueOf(r.<String>getAs("error")));
      JsonObject metrics = JsonParser.parseString(r.<String>getAs("metrics")).getAsJsonObject();
      assertTrue(metrics.has("composition_baseline"), metrics.toString());
      assertEquals(r.<String>getAs("dataset").equals("hp-s2c2") ? "accuracy" : "spearman", r.getAs("metric_name"));
    }
    // The K / E fixture is separable: dense beats the majority rate it is compared with.
    Row dense = warehouse.read(Tables.RUNS).where("dataset = 'hp-s2c2' AND method = 'dense'").first();
    assertEquals(0.5, dense.<Double>getAs("chance"), 1e-12);
    assertTrue(dense.<Double>getAs("metric_value") > 0.5, String.valueOf(dense.<Double>getAs("metric_value")));
    // The study run prunes only the query matrix; the main runs only attention and FFN matrices.
    String study = warehouse.read(Tables.RUNS).where("scope = 'attention_q'").first().getAs("run_key");
    Set<String> studyKinds = warehouse.read(Tables.LAYER_SPARSITY).where("run_key = '" + study + "'")
        .collectAsList().stream().map(r -> r.<String>getAs("module_kind")).collect(Collectors.toSet());
    assertEquals(Set.of("attention_q"), studyKinds);
    Set<String> mainKinds = warehouse.read(Tables.LAYER_SPARSITY).as("l").join(warehouse.read(Tables.RUNS).as("r"),
        "run_key").where("r.scope = 'attention-ffn' AND r.method = 'omp_after'").collectAsList().stream()
        .map(r -> r.<String>getAs("module_kind")).collect(Collectors.toSet());
    assertEquals(Set.of("attention_q", "attention_k", "attention_v", "attention_o", "ffn_in", "ffn_out"), mainKinds);

    AggregateJob.run(warehouse, 0.01);
    List<String> methods = warehouse.read(Tables.LEADERBOARD).where("dataset = 'hp-s2c2'").orderBy("method")
        .collectAsList().stream().map(r -> r.<String>getAs("method")).toList();
    assertEquals(List.of("dense", "omp_after", "omp_after @attention_q"), methods);
  }
}
