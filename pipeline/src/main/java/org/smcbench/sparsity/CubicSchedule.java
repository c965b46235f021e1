package org.smcbench.sparsity;

/**
 * Zhu & Gupta's gradual pruning schedule: between steps t0 and t1 the sparsity rises as
 * {@code s_t = s_f + (s_i - s_f) * (1 - (t - t0) / (t1 - t0))^3}, with a pruning event every
 * {@code frequency} steps from t0 and a last one at t1, so the target is reached exactly (the
 * reference code stops one event short of t1 and ends at about 0.993 s_f).
 */
public record CubicSchedule(double initial, double target, int t0, int t1, int frequency) {

  public CubicSchedule {
    if (t1 <= t0 || t0 < 0) {
      throw new IllegalArgumentException("GMP needs 0 <= t0 < t1, got t0=" + t0 + " t1=" + t1);
    }
    if (frequency < 1) {
      throw new IllegalArgumentException("GMP pruning frequency must be >= 1, got " + frequency);
    }
  }

  /** The paper's setting: from 0 at {@code start}·T to the target at {@code end}·T. */
  public static CubicSchedule of(double target, int totalSteps, double start, double end, int frequency) {
    return new CubicSchedule(0.0, target, (int) Math.round(start * totalSteps), (int) Math.round(end * totalSteps),
        frequency);
  }

  public double sparsityAt(int step) {
    if (step <= t0) {
      return initial;
    }
    if (step >= t1) {
      return target;
    }
    double remaining = 1.0 - (double) (step - t0) / (t1 - t0);
    return target + (initial - target) * remaining * remaining * remaining;
  }

  /** Steps where the mask is recomputed: t0 + k·frequency up to t1, and t1 itself. */
  public boolean isPruningStep(int step) {
    return step == t1 || (step >= t0 && step < t1 && (step - t0) % frequency == 0);
  }
}
