package org.smcbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.razorvine.pickle.Pickler;

/**
 * Files in HotProtein's published layout, written by the protein pipeline tests: a FASTA with
 * UniProt headers, fold pickles with the four keys of {@code d1_{fold}_classification.pkl}, and
 * synthetic sequences whose class shows in their composition.
 */
public final class HotProteinFixture {
  private HotProteinFixture() {}

  /** One FASTA record with a TrEMBL-style header, {@code >tr|id|id_TEST description}. */
  public static String fastaRecord(String id, String description, String sequence) {
    return ">tr|" + id + '|' + id + "_TEST " + description + '\n' + sequence + '\n';
  }

  /** Writes a fold pickle: names and labels (0 cold, 1 hot) of the train and test splits. */
  public static void writeFold(Path file, List<String> trainNames, List<Integer> trainLabels, List<String> testNames,
      List<Integer> testLabels) throws IOException {
    Map<String, Object> fold = new LinkedHashMap<>();
    fold.put("train_names", trainNames);
    fold.put("train_labels", trainLabels);
    fold.put("test_names", testNames);
    fold.put("test_labels", testLabels);
    Files.write(file, new Pickler().dumps(fold));
  }

  /**
   * {@code M} then {@code length} residues, each the class's {@code marker} with probability 0.4 and
   * otherwise drawn from {@code common}: a composition a classifier can learn.
   */
  public static String markedProtein(Random rng, char marker, String common, int length) {
    StringBuilder s = new StringBuilder("M");
    for (int i = 0; i < length; i++) {
      s.append(rng.nextDouble() < 0.4 ? marker : common.charAt(rng.nextInt(common.length())));
    }
    return s.toString();
  }
}
