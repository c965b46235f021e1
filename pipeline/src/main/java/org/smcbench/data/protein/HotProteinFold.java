package org.smcbench.data.protein;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * One fold of HotProtein's HP-S²C2 split: a pickled dict {@code train_names, train_labels,
 * test_names, test_labels} of UniProt accessions and, per accession, a label (int 0 cold / 1 hot in
 * {@code d1_N_classification.pkl}) or a growth temperature (float, {@code d1_N.pkl}). Both read as
 * doubles. The accessions join {@link ProteinSequenceRecord#id()} of the FASTA file.
 */
public record HotProteinFold(List<String> trainNames, List<Double> trainValues, List<String> testNames,
    List<Double> testValues) {

  public HotProteinFold {
    trainNames = List.copyOf(trainNames);
    trainValues = List.copyOf(trainValues);
    testNames = List.copyOf(testNames);
    testValues = List.copyOf(testValues);
    if (trainNames.size() != trainValues.size() || testNames.size() != testValues.size()) {
      throw new IllegalArgumentException("names and values differ in length: train " + trainNames.size() + " / "
          + trainValues.size() + ", test " + testNames.size() + " / " + testValues.size());
    }
  }

  /** Reads a fold file; see {@link #read(InputStream, String)}. */
  public static HotProteinFold read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Unpickles one fold. Fails with an {@link IllegalArgumentException} naming {@code file} (and the
   * key) when it is no pickled dict, a key is missing, a value is not a list of the right kind, or
   * a split's names and labels differ in length.
   */
  public static HotProteinFold read(InputStream pickle, String file) throws IOException {
    Object root;
    Unpickler unpickler = new Unpickler();
    try {
      root = unpickler.load(pickle);
    } catch (PickleException e) {
      throw new IllegalArgumentException(file + ": not a readable pickle: " + e.getMessage(), e);
    } finally {
      unpickler.close();
    }
    if (!(root instanceof Map<?, ?> dict)) {
      throw new IllegalArgumentException(file + ": pickle holds a " + typeName(root) + ", not a dict");
    }
    List<String> trainNames = names(dict, "train_names", file);
    List<Double> trainValues = values(dict, "train_labels", file);
    List<String> testNames = names(dict, "test_names", file);
    List<Double> testValues = values(dict, "test_labels", file);
    sameLength(file, "train", trainNames, trainValues);
    sameLength(file, "test", testNames, testValues);
    return new HotProteinFold(trainNames, trainValues, testNames, testValues);
  }

  private static List<?> list(Map<?, ?> dict, String key, String file) {
    if (!dict.containsKey(key)) {
      throw new IllegalArgumentException(file + ": key '" + key + "' is missing (keys: " + dict.keySet() + ")");
    }
    Object value = dict.get(key);
    // Unpickler gives Python lists and tuples as Lists or Object[].
    if (value instanceof Object[] array) {
      return List.of(array);
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(file + ": key '" + key + "' holds a " + typeName(value) + ", not a list");
    }
    return list;
  }

  private static List<String> names(Map<?, ?> dict, String key, String file) {
    List<?> raw = list(dict, key, file);
    List<String> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      if (!(raw.get(i) instanceof String name)) {
        throw new IllegalArgumentException(file + ": key '" + key + "' entry " + i + " is a " + typeName(raw.get(i))
            + ", not a string");
      }
      out.add(name);
    }
    return out;
  }

  private static List<Double> values(Map<?, ?> dict, String key, String file) {
    List<?> raw = list(dict, key, file);
    List<Double> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      // Python ints come back as Integer, Long or BigInteger, floats as Double: all Numbers.
      // A bool is not accepted, though Python would count it as an int.
      if (!(raw.get(i) instanceof Number number)) {
        throw new IllegalArgumentException(file + ": key '" + key + "' entry " + i + " is a " + typeName(raw.get(i))
            + ", not a number");
      }
      out.add(number.doubleValue());
    }
    return out;
  }

  private static void sameLength(String file, String split, List<String> names, List<Double> values) {
    if (names.size() != values.size()) {
      throw new IllegalArgumentException(file + ": '" + split + "_names' has " + names.size() + " entries but '"
          + split + "_labels' has " + values.size());
    }
  }

  private static String typeName(Object value) {
    return value == null ? "None" : value.getClass().getSimpleName();
  }
}
