package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The structure path (HP-S²C5's layout) end to end: a folder of PDB files read by BioJava on the
 * executors into protein_examples with their Cα coordinates, bad and missing structures
 * quarantined, and the distance-biased encoder fine-tuned on them. The two classes have the same
 * residues and differ only in shape (compact helix-like vs extended chain).
 */
class StructurePipelineTest {
  private static final String[] RESIDUES = {"ALA", "LYS", "GLU", "LEU", "SER", "GLY", "VAL", "ASP"};

  @TempDir
  Path dir;

  private static String pdb(boolean compact, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      double x;
      double y;
      double z;
      if (compact) { // an alpha helix: 100 degrees and 1.5 A rise per residue, radius 2.3 A
        double angle = Math.toRadians(100 * i);
        x = 2.3 * Math.cos(angle);
        y = 2.3 * Math.sin(angle);
        z = 1.5 * i;
      } else { // a strand: 3.3 A per residue
        x = 3.3 * i;
        y = 0.5 * (i % 2);
        z = 0;
      }
      s.append(String.format(Locale.ROOT, "%-6s%5d  %-3s %3s %c%4d    %8.3f%8.3f%8.3f%6.2f%6.2f          %2s%n",
          "ATOM", i + 1, "CA", RESIDUES[i % RESIDUES.length], 'A', i + 1, x, y, z, 1.0, 20.0, "C"));
    }
    return s.append("END\n").toString();
  }

  @Test
  void structuresAreIngestedAndTheStructureModelTrainsOnThem() throws Exception {
    Path data = dir.resolve("data");
    Path structures = Files.createDirectories(data.resolve("s2c5/structures"));
    List<String> names = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String id = "S" + i;
      boolean compact = i % 2 == 0;
      Files.writeString(structures.resolve(id + ".pdb"), pdb(compact, 12 + i % 5));
      names.add(id);
      labels.add(compact ? 0 : 1);
    }
    Files.writeString(structures.resolve("BROKEN.pdb"), "this is not a PDB file\n");
    List<String> train = new ArrayList<>(names.subList(0, 48));
    List<Integer> trainLabels = new ArrayList<>(labels.subList(0, 48));
    train.add("NOSTRUCTURE");
    trainLabels.add(0);
    HotProteinFixture.writeFold(data.resolve("s2c5/fold_0.pkl"), train, trainLabels, names.subList(48, 64),
        labels.subList(48, 64));

    Settings settings = ConfigLoader.load(null, List.of(
        "data.root=\"" + data + "\"",
        "datasets.hp-s2c5.files.structures=\"s2c5/structures\"",
        "datasets.hp-s2c5.files.splits=\"s2c5/fold_{fold}.pkl\"",
        "datasets.hp-s2c5.folds=[\"0\"]",
        "datasets.hp-s2c5.training={learning-rate=3e-3, learning-rates{classifier=3e-3}, batch-size=16, steps=300,"
            + " warmup-steps=0, schedule=linear, eval-batch-size=8}",
        "models.esm-structure-cpu={family=esm-structure, checkpoint-format=none, layers=2, hidden-size=16,"
            + " attention-heads=2, ffn-size=32, max-seq-len=24, dropout=0}",
        "sweep.datasets=[hp-s2c5]", "sweep.models=[esm-structure-cpu]", "sweep.methods=[dense]"), Map.of());
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "structure_test");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    IngestJob.run(settings, warehouse, quiet);
    assertEquals(64, warehouse.read(Tables.PROTEIN_EXAMPLES).count());
    Row s0 = warehouse.read(Tables.PROTEIN_EXAMPLES).where("id = 'S0'").first();
    assertEquals("AKELSGVDAKEL", s0.<String>getAs("sequence"));
    List<Object> ca = s0.getList(s0.fieldIndex("ca"));
    assertEquals(3 * 12, ca.size());
    assertEquals(2.3f, (Float) ca.get(0), 1e-3);
    List<String> reasons = warehouse.read(Tables.QUARANTINE).collectAsList().stream()
        .map(r -> r.<String>getAs("reason")).toList();
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("structure file is unreadable")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("'NOSTRUCTURE'") && r.contains("no valid entry")),
        reasons.toString());

    assertEquals(new SweepJob.Summary(1, 0, 1, 0),
        new SweepJob(settings, warehouse, quiet, "test").run(SweepJob.Rerun.NONE));
    Row run = warehouse.read(Tables.RUNS).first();
    assertEquals("succeeded", run.getAs("status"), String.valueOf(run.<String>getAs("error")));
    // The residues are the same in both classes: only the structure separates them.
    assertTrue(run.<Double>getAs("metric_value") >= 0.75, run.<Double>getAs("metric_value") + " final loss "
        + run.<Double>getAs("final_loss") + " " + run.<String>getAs("metrics"));
    assertTrue(warehouse.read(Tables.LAYER_SPARSITY).where("parameter LIKE '%structure_bias%'").count() > 0);
  }
}
