package org.smcbench.task;

import java.util.Arrays;

/** Evaluation order shared by the tasks: examples by input length (stable), so batches pad little. */
public final class EvaluationOrder {
  private EvaluationOrder() {}

  /** Indices 0..n-1 sorted by {@code lengths[i]}, ties in index order. */
  public static int[] byLength(int[] lengths) {
    long[] keyed = new long[lengths.length];
    for (int i = 0; i < keyed.length; i++) {
      keyed[i] = ((long) lengths[i] << 32) | i;
    }
    Arrays.sort(keyed);
    int[] order = new int[keyed.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = (int) keyed[i];
    }
    return order;
  }
}
