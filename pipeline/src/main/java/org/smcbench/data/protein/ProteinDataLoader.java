package org.smcbench.data.protein;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.RunSpec;
import org.smcbench.data.SplitLoader;
import org.smcbench.model.ModelFamilies;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.task.protein.CompositionBaseline;
import org.smcbench.task.protein.ProteinData;
import org.smcbench.task.protein.ProteinTask;

/**
 * Reads one (dataset, fold)'s train and evaluation sequences from {@code smc.protein_examples} at
 * one Delta version, in a fixed pseudo-random order (hash of the id, optionally capped), with
 * token ids in the model's vocabulary (its family's {@link org.smcbench.model.ModelFamily#proteinVocabulary}: the stored ESM tokens, or
 * TAPE's ids of the stored sequence) cut to its {@code max-seq-len} (start token, the first
 * residues, stop token).
 *
 * <p>The runs' reference level ({@code chance}) is the majority-class rate: the share of the eval
 * split in the train split's most frequent class. The amino-acid-composition baseline of the same
 * split (logistic or ridge regression on residue frequencies) travels with the eval data and is
 * reported beside every run's score.
 */
public final class ProteinDataLoader {
  private ProteinDataLoader() {}

  public static SplitLoader.RunData load(Warehouse warehouse, DatasetSettings dataset, RunSpec spec) {
    if (!warehouse.exists(Tables.PROTEIN_EXAMPLES)) {
      throw new IllegalStateException("table " + warehouse.qualified(Tables.PROTEIN_EXAMPLES)
          + " does not exist: run `smc-bench ingest` first");
    }
    boolean classification = spec.task().equals(ProteinTask.CLASSIFICATION);
    long version = warehouse.version(Tables.PROTEIN_EXAMPLES);
    Split train = read(warehouse, version, spec, "train", spec.training().maxTrainExamples(), classification);
    Split eval = read(warehouse, version, spec, spec.evalSplit(), spec.training().maxEvalExamples(), classification);
    int maxTokens = spec.model().maxSeqLen();
    ProteinVocabulary vocabulary = ModelFamilies.get(spec.model().family()).proteinVocabulary();
    if (classification) {
      int classes = 0;
      for (int label : train.labels) {
        classes = Math.max(classes, label + 1);
      }
      for (int label : eval.labels) {
        if (label >= classes) {
          throw new IllegalStateException(spec.dataset() + ": eval class " + label + " never occurs in train");
        }
      }
      double composition = CompositionBaseline.classificationAccuracy(train.sequences, train.labels, classes,
          eval.sequences, eval.labels);
      return new SplitLoader.RunData(
          train.data(vocabulary, maxTokens, classes, 0, 1, Double.NaN, version),
          eval.data(vocabulary, maxTokens, classes, 0, 1, composition, version),
          majorityRate(train.labels, eval.labels, classes));
    }
    double mean = mean(train.targets);
    double std = Math.sqrt(variance(train.targets, mean));
    double composition = CompositionBaseline.regressionSpearman(train.sequences, train.targets, eval.sequences,
        eval.targets);
    return new SplitLoader.RunData(
        train.data(vocabulary, maxTokens, 0, mean, std > 0 ? std : 1, Double.NaN, version),
        eval.data(vocabulary, maxTokens, 0, mean, std > 0 ? std : 1, composition, version));
  }

  /** The share of {@code eval} in the most frequent class of {@code train} (ties: the lower class). */
  static double majorityRate(int[] train, int[] eval, int classes) {
    int[] counts = new int[classes];
    for (int label : train) {
      counts[label]++;
    }
    int majority = 0;
    for (int c = 1; c < classes; c++) {
      if (counts[c] > counts[majority]) {
        majority = c;
      }
    }
    long hits = 0;
    for (int label : eval) {
      hits += label == majority ? 1 : 0;
    }
    return (double) hits / eval.length;
  }

  /** One split as read: ids, sequences, tokens, and labels or targets. */
  private record Split(String[] ids, List<String> sequences, int[][] tokens, int[] labels, double[] targets,
      float[][] ca) {
    ProteinData data(ProteinVocabulary vocabulary, int maxTokens, int classes, double mean, double std,
        double composition, long version) {
      int[][] cut = new int[tokens.length][];
      float[][] cutCa = ca == null ? null : new float[tokens.length][];
      for (int i = 0; i < tokens.length; i++) {
        cut[i] = vocabulary.truncate(vocabulary.ids(sequences.get(i), tokens[i]), maxTokens);
        if (ca != null) {
          cutCa[i] = java.util.Arrays.copyOf(ca[i], Math.min(ca[i].length, 3 * (cut[i].length - 2)));
        }
      }
      return new ProteinData(ids, cut, labels, targets, classes, mean, std, composition, cutCa, version, vocabulary);
    }
  }

  private static Split read(Warehouse warehouse, long version, RunSpec spec, String split, int maxExamples,
      boolean classification) {
    Dataset<Row> rows = warehouse.spark().read().format("delta").option("versionAsOf", version)
        .load(warehouse.path(Tables.PROTEIN_EXAMPLES))
        .where(col("dataset").equalTo(spec.dataset()).and(col("fold").equalTo(spec.fold()))
            .and(col("split").equalTo(split)))
        .orderBy(xxhash64(col("id")), col("id"));
    boolean structures = java.util.Arrays.asList(rows.columns()).contains("ca")
        && rows.where(col("ca").isNotNull()).limit(1).count() > 0;
    rows = rows.select(col("id"), col("sequence"), col("tokens"), col("label"), col("target"),
        structures ? col("ca") : org.apache.spark.sql.functions.lit(null).as("ca"));
    if (maxExamples > 0) {
      rows = rows.limit(maxExamples);
    }
    List<Row> collected = rows.collectAsList();
    if (collected.isEmpty()) {
      throw new IllegalStateException("no sequences for dataset " + spec.dataset() + " fold '" + spec.fold()
          + "' split " + split + " in " + warehouse.qualified(Tables.PROTEIN_EXAMPLES)
          + ": run `smc-bench ingest` for it");
    }
    int n = collected.size();
    String[] ids = new String[n];
    List<String> sequences = new ArrayList<>(n);
    int[][] tokens = new int[n][];
    int[] labels = classification ? new int[n] : null;
    double[] targets = classification ? null : new double[n];
    float[][] ca = structures ? new float[n][] : null;
    for (int i = 0; i < n; i++) {
      Row r = collected.get(i);
      ids[i] = r.getString(0);
      sequences.add(r.getString(1));
      tokens[i] = r.getList(2).stream().mapToInt(v -> (Integer) v).toArray();
      if (classification) {
        if (r.isNullAt(3)) {
          throw new IllegalStateException(spec.dataset() + ": sequence " + ids[i] + " has no class label; a"
              + " classification of a continuous target needs smc.datasets." + spec.dataset() + ".class-thresholds"
              + " (then re-run ingest)");
        }
        labels[i] = r.getInt(3);
      } else {
        if (r.isNullAt(4)) {
          throw new IllegalStateException(spec.dataset() + ": sequence " + ids[i] + " has no target for a regression");
        }
        targets[i] = r.getDouble(4);
      }
      if (structures) {
        List<Object> xyz = r.getList(5);
        ca[i] = new float[xyz.size()];
        for (int j = 0; j < ca[i].length; j++) {
          ca[i][j] = (Float) xyz.get(j);
        }
      }
    }
    return new Split(ids, sequences, tokens, labels, targets, ca);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double variance(double[] v, double mean) {
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s / v.length;
  }
}
