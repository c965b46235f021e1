package org.smcbench.train;

/**
 * PyTorch's {@code OneCycleLR} (Smith & Topin, 2019) with its defaults: cosine rise from
 * {@code peak / 25} to {@code peak} over the first {@code warmupSteps} (PyTorch's {@code pct_start}
 * × total), then cosine annealing to {@code peak / 25 / 1e4} at the last step; the paper fine-tunes
 * ESM-1b with it. Step s is PyTorch's {@code step_num} s (the rate of the (s+1)-th update).
 */
public record OneCycle(double peak, int warmupSteps, int totalSteps) implements LrSchedule {
  static final double DIV_FACTOR = 25;
  static final double FINAL_DIV_FACTOR = 1e4;

  public OneCycle {
    if (!(peak > 0) || warmupSteps < 1 || totalSteps <= warmupSteps) {
      throw new IllegalArgumentException("one-cycle needs peak > 0 and 1 <= warmup < total, got peak " + peak
          + ", warmup " + warmupSteps + ", total " + totalSteps);
    }
  }

  @Override
  public double lr(int step) {
    if (step < 0) {
      throw new IllegalArgumentException("negative step " + step);
    }
    double initial = peak / DIV_FACTOR;
    double minimum = initial / FINAL_DIV_FACTOR;
    double riseEnd = warmupSteps - 1.0;
    double end = totalSteps - 1.0;
    if (step <= riseEnd) {
      return cosine(initial, peak, riseEnd <= 0 ? 1 : step / riseEnd);
    }
    return cosine(peak, minimum, Math.min(1.0, (step - riseEnd) / (end - riseEnd)));
  }

  /** PyTorch's {@code _annealing_cos}: from start (pct 0) to end (pct 1) along half a cosine. */
  private static double cosine(double start, double end, double pct) {
    return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
  }
}
