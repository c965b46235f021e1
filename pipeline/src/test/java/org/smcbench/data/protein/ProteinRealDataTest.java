package org.smcbench.data.protein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared HP-S²C2 and Meltome files (each test skipped when its folder is absent). */
class ProteinRealDataTest {
  @Test
  void hotProteinFastaParsesWhole() throws IOException {
    ProteinTestData.Fasta fasta = ProteinTestData.readFasta(ProteinTestData.hotProtein().resolve("d1_fasta_clean.fasta"));
    System.out.printf("hotprotein fasta landed=%d malformed=%d%n", fasta.byId().size(), fasta.malformed().size());
    assertEquals(List.of(), fasta.malformed());
    assertEquals(1965, fasta.byId().size());
    long swissProt = fasta.byId().values().stream().filter(r -> r.header().startsWith("sp|")).count();
    assertEquals(53, swissProt);
    assertEquals("MKVSPYIFREYDIRGKVGKDFTEEIVREIGRAYGTMVRRSGGKRVVSGRDGRLSSEALQR",
        fasta.byId().get("A0A075WPW5").sequence().substring(0, 60));
  }

  @Test
  void hotProteinFoldsCoverTheFastaAndAgreeWithTheTemperatures() throws IOException {
    Path dir = ProteinTestData.hotProtein();
    Set<String> ids = ProteinTestData.readFasta(dir.resolve("d1_fasta_clean.fasta")).byId().keySet();
    for (int k = 0; k < 10; k++) {
      HotProteinFold labels = HotProteinFold.read(dir.resolve("d1_" + k + "_classification.pkl"));
      HotProteinFold temps = HotProteinFold.read(dir.resolve("d1_" + k + ".pkl"));
      assertEquals(labels.trainNames(), temps.trainNames(), "fold " + k);
      assertEquals(labels.testNames(), temps.testNames(), "fold " + k);
      Set<String> all = new HashSet<>(labels.trainNames());
      all.addAll(labels.testNames());
      assertEquals(labels.trainNames().size() + labels.testNames().size(), all.size(), "fold " + k + " train/test overlap");
      assertEquals(ids, all, "fold " + k + " names vs FASTA ids");
      // Hot (1) means a growth temperature of 75 °C or more in every fold.
      checkThreshold(labels.trainValues(), temps.trainValues());
      checkThreshold(labels.testValues(), temps.testValues());
      if (k == 0) {
        assertEquals(1768, labels.trainNames().size());
        assertEquals(197, labels.testNames().size());
      }
    }
  }

  private static void checkThreshold(List<Double> labels, List<Double> temperatures) {
    for (int i = 0; i < labels.size(); i++) {
      assertTrue(labels.get(i) == 0 || labels.get(i) == 1, "label " + labels.get(i));
      assertEquals(labels.get(i) == 1, temperatures.get(i) >= 75, "temperature " + temperatures.get(i));
    }
  }

  @Test
  void meltomeTasksParseWhole() throws IOException {
    Path dir = ProteinTestData.meltome();
    Map<String, int[]> expected = Map.of("clustered_task.csv", new int[] {2940, 0, 1504},
        "full_task.csv", new int[] {5251, 0, 0});
    for (Map.Entry<String, int[]> e : expected.entrySet()) {
      ProteinTestData.Flip flip = ProteinTestData.readFlip(dir.resolve(e.getKey()));
      int[] counts = new int[3];
      for (FlipRecord r : flip.rows()) {
        counts[List.of("train", "valid", "test").indexOf(r.split())]++;
        assertTrue(r.target() > 0 && r.target() < 120, "melting temperature " + r.target());
      }
      System.out.printf("meltome %s train=%d valid=%d test=%d malformed=%d%n", e.getKey(), counts[0], counts[1],
          counts[2], flip.malformed().size());
      assertEquals(List.of(), flip.malformed(), e.getKey());
      assertEquals(List.of(e.getValue()[0], e.getValue()[1], e.getValue()[2]), List.of(counts[0], counts[1], counts[2]),
          e.getKey());
    }
  }
}
