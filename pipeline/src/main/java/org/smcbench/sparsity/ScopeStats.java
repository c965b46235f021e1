package org.smcbench.sparsity;

import org.smcbench.model.PrunableTensor;

/** Zeros actually present in the live weights, the source of every reported sparsity. */
public final class ScopeStats {
  private ScopeStats() {}

  public static long zeros(PrunableTensor tensor) {
    float[] values = tensor.array().toFloatArray();
    long zeros = 0;
    for (float v : values) {
      if (v == 0f) {
        zeros++;
      }
    }
    return zeros;
  }

}
