package org.smcbench.task.protein;

import java.util.List;
import org.smcbench.data.protein.EsmAlphabet;

/**
 * The amino-acid-composition baseline of the protein tasks: each sequence becomes the frequencies
 * of the 20 standard residues ({@link EsmAlphabet#STANDARD} order, over the whole length, so rare
 * codes such as X lower the sum below 1), standardised with the train set's means and deviations,
 * and a linear model with L2 penalty {@value #LAMBDA} on the weights (not the bias) is fitted in
 * closed form or by Newton's method. A sparse network that cannot beat it has learned nothing
 * beyond composition.
 */
public final class CompositionBaseline {
  public static final double LAMBDA = 1e-3;
  public static final int FEATURES = EsmAlphabet.STANDARD.length();
  private static final int[] FEATURE_OF = new int[128];

  static {
    java.util.Arrays.fill(FEATURE_OF, -1);
    for (int i = 0; i < FEATURES; i++) {
      FEATURE_OF[EsmAlphabet.STANDARD.charAt(i)] = i;
    }
  }

  private CompositionBaseline() {}

  /** Frequencies of the 20 standard residues in an upper-case sequence. */
  public static double[] composition(String sequence) {
    if (sequence.isEmpty()) {
      throw new IllegalArgumentException("empty sequence has no composition");
    }
    double[] f = new double[FEATURES];
    for (int i = 0; i < sequence.length(); i++) {
      char c = sequence.charAt(i);
      int at = c < 128 ? FEATURE_OF[c] : -1;
      if (at >= 0) {
        f[at]++;
      }
    }
    for (int i = 0; i < FEATURES; i++) {
      f[i] /= sequence.length();
    }
    return f;
  }

  /**
   * Accuracy on the eval set of softmax logistic regression on composition, trained on the train
   * set; labels are {@code 0..classes-1}.
   */
  public static double classificationAccuracy(List<String> trainSeqs, int[] trainLabels, int classes,
      List<String> evalSeqs, int[] evalLabels) {
    if (classes < 2) {
      throw new IllegalArgumentException("need at least 2 classes, got " + classes);
    }
    checkLabels("train", trainSeqs, trainLabels, classes);
    checkLabels("eval", evalSeqs, evalLabels, classes);
    Standardizer scale = Standardizer.fit(features(trainSeqs));
    double[][] weights = LinearModels.fitSoftmax(scale.design(features(trainSeqs)), trainLabels, classes, LAMBDA);
    double[][] eval = scale.design(features(evalSeqs));
    int correct = 0;
    for (int i = 0; i < eval.length; i++) {
      if (argmax(LinearModels.scores(weights, eval[i])) == evalLabels[i]) {
        correct++;
      }
    }
    return (double) correct / eval.length;
  }

  /** Spearman ρ on the eval set of ridge regression on composition, trained on the train set. */
  public static double regressionSpearman(List<String> trainSeqs, double[] trainTargets, List<String> evalSeqs,
      double[] evalTargets) {
    checkSizes("train", trainSeqs, trainTargets.length);
    checkSizes("eval", evalSeqs, evalTargets.length);
    Standardizer scale = Standardizer.fit(features(trainSeqs));
    double[] weights = LinearModels.fitRidge(scale.design(features(trainSeqs)), trainTargets, LAMBDA);
    double[][] eval = scale.design(features(evalSeqs));
    double[] predicted = new double[eval.length];
    for (int i = 0; i < eval.length; i++) {
      predicted[i] = LinearModels.scores(new double[][] {weights}, eval[i])[0];
    }
    return Spearman.rho(predicted, evalTargets);
  }

  private static double[][] features(List<String> sequences) {
    double[][] x = new double[sequences.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = composition(sequences.get(i));
    }
    return x;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static void checkLabels(String split, List<String> sequences, int[] labels, int classes) {
    checkSizes(split, sequences, labels.length);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(split + " label " + i + " is " + labels[i] + ", not in 0.." + (classes - 1));
      }
    }
  }

  private static void checkSizes(String split, List<String> sequences, int values) {
    if (sequences.isEmpty()) {
      throw new IllegalArgumentException(split + " set is empty");
    }
    if (sequences.size() != values) {
      throw new IllegalArgumentException(split + " has " + sequences.size() + " sequences but " + values + " targets");
    }
  }

  /** Per-feature train mean and deviation; a design row is {@code 1, (f - mean) / sd...}. */
  private record Standardizer(double[] mean, double[] sd) {
    static Standardizer fit(double[][] x) {
      int d = x[0].length;
      double[] mean = new double[d];
      double[] sd = new double[d];
      for (double[] row : x) {
        for (int j = 0; j < d; j++) {
          mean[j] += row[j] / x.length;
        }
      }
      for (double[] row : x) {
        for (int j = 0; j < d; j++) {
          sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
        }
      }
      for (int j = 0; j < d; j++) {
        // A residue absent from every train sequence: its column stays 0 and its weight at 0.
        sd[j] = sd[j] > 1e-24 ? Math.sqrt(sd[j]) : 1;
      }
      return new Standardizer(mean, sd);
    }

    double[][] design(double[][] x) {
      double[][] out = new double[x.length][mean.length + 1];
      for (int i = 0; i < x.length; i++) {
        out[i][0] = 1;
        for (int j = 0; j < mean.length; j++) {
          out[i][j + 1] = (x[i][j] - mean[j]) / sd[j];
        }
      }
      return out;
    }
  }
}
