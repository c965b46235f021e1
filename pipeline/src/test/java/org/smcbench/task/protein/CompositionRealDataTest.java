package org.smcbench.task.protein;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.data.protein.FlipRecord;
import org.smcbench.data.protein.HotProteinFold;
import org.smcbench.data.protein.ProteinSequenceRecord;
import org.smcbench.data.protein.ProteinTestData;

/** The composition baseline on the shared HP-S²C2 and Meltome data (each skipped when its folder is absent). */
class CompositionRealDataTest {
  @Test
  void hotProteinFold0BeatsTheMajorityRate() throws IOException {
    Path dir = ProteinTestData.hotProtein();
    Map<String, ProteinSequenceRecord> byId = ProteinTestData.readFasta(dir.resolve("d1_fasta_clean.fasta")).byId();
    HotProteinFold fold = HotProteinFold.read(dir.resolve("d1_0_classification.pkl"));
    List<String> trainSeqs = sequences(byId, fold.trainNames());
    List<String> testSeqs = sequences(byId, fold.testNames());
    int[] trainLabels = fold.trainValues().stream().mapToInt(Double::intValue).toArray();
    int[] testLabels = fold.testValues().stream().mapToInt(Double::intValue).toArray();
    double accuracy = CompositionBaseline.classificationAccuracy(trainSeqs, trainLabels, 2, testSeqs, testLabels);
    double majority = Math.max(mean(testLabels), 1 - mean(testLabels));
    System.out.printf("composition baseline HP-S2C2 fold 0: test accuracy=%.4f (n=%d, majority rate %.4f)%n",
        accuracy, testLabels.length, majority);
    assertTrue(accuracy > 0.629, "accuracy " + accuracy);
  }

  @Test
  void meltomeClusteredRanksMeltingTemperatures() throws IOException {
    Path dir = ProteinTestData.meltome();
    List<FlipRecord> rows = ProteinTestData.readFlip(dir.resolve("clustered_task.csv")).rows();
    List<String> trainSeqs = new ArrayList<>();
    List<Double> trainTargets = new ArrayList<>();
    List<String> testSeqs = new ArrayList<>();
    List<Double> testTargets = new ArrayList<>();
    for (FlipRecord r : rows) {
      boolean test = r.split().equals("test");
      (test ? testSeqs : trainSeqs).add(r.sequence());
      (test ? testTargets : trainTargets).add(r.target());
    }
    double rho = CompositionBaseline.regressionSpearman(trainSeqs, unbox(trainTargets), testSeqs, unbox(testTargets));
    System.out.printf("composition baseline Meltome clustered: test Spearman rho=%.4f (train n=%d, test n=%d)%n",
        rho, trainSeqs.size(), testSeqs.size());
    assertTrue(rho > 0, "rho " + rho);
  }

  private static List<String> sequences(Map<String, ProteinSequenceRecord> byId, List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      ProteinSequenceRecord r = byId.get(name);
      assertTrue(r != null, name + " is not in the FASTA file");
      out.add(r.sequence());
    }
    return out;
  }

  private static double mean(int[] v) {
    double s = 0;
    for (int x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double[] unbox(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
