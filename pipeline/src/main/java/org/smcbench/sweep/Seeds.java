package org.smcbench.sweep;

import org.smcbench.config.RunSpec;

/**
 * A run's random seed comes from its key and its seed, never from task order, so a run gives the
 * same masks and metrics whichever executor runs it and whenever.
 */
public final class Seeds {
  private Seeds() {}

  public static long forRun(RunSpec spec) {
    return mix(spec.runKey(), spec.seed());
  }

  /**
   * The seed of a run's calibration batches (Wanda's and SparseGPT's input statistics): from the
   * data, the model and the configured seed only, not the method or sparsity, so the one-shot methods
   * and their variants are compared on the same batches, as their papers use one calibration set.
   */
  public static long forCalibration(RunSpec spec) {
    return mix(spec.task() + '/' + spec.dataset() + '/' + spec.fold() + '/' + spec.model().name(), spec.seed());
  }

  private static long mix(String text, long seed) {
    long h = 1125899906842597L;
    for (char c : text.toCharArray()) {
      h = 31 * h + c;
    }
    h ^= seed * 0x9E3779B97F4A7C15L;
    // Positive and within int range: PyTorch's manual_seed is fed through Engine.setRandomSeed(int).
    return (h >>> 1) % Integer.MAX_VALUE;
  }
}
