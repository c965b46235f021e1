package org.smcbench.task.protein;

import java.util.Arrays;
import java.util.Comparator;

/** Spearman's rank correlation, the regression metric of FLIP and HotProtein. */
public final class Spearman {
  private Spearman() {}

  /**
   * Pearson correlation of the average ranks of {@code x} and {@code y} (tied values share the mean
   * of their ranks, as scipy's {@code spearmanr}); NaN when either side is constant or has fewer
   * than two values. Fails when the lengths differ or a value is NaN.
   */
  public static double rho(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
    }
    double[] rx = ranks(x, "x");
    double[] ry = ranks(y, "y");
    // Tested on the values, not on the sums below, which rounding may leave a hair off zero.
    if (x.length < 2 || constant(x) || constant(y)) {
      return Double.NaN;
    }
    return pearson(rx, ry);
  }

  private static boolean constant(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }

  /** 1-based ranks, ties averaged. */
  static double[] ranks(double[] values, String name) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is NaN");
      }
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] rank = new double[values.length];
    int start = 0;
    while (start < order.length) {
      int end = start + 1;
      while (end < order.length && values[order[end]] == values[order[start]]) {
        end++;
      }
      // Positions start..end-1 hold one value: each gets the mean of ranks start+1..end.
      double mean = (start + 1 + end) / 2.0;
      for (int k = start; k < end; k++) {
        rank[order[k]] = mean;
      }
      start = end;
    }
    return rank;
  }

  private static double pearson(double[] a, double[] b) {
    int n = a.length;
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < n; i++) {
      meanA += a[i];
      meanB += b[i];
    }
    meanA /= n;
    meanB /= n;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - meanA;
      double db = b[i] - meanB;
      ab += da * db;
      aa += da * da;
      bb += db * db;
    }
    return ab / Math.sqrt(aa * bb);
  }
}
