package org.smcbench.train;

/**
 * fairseq's {@code polynomial_decay} with power 1 and end learning rate 0: linear from 0 at step 0
 * to {@code peak} at {@code warmupSteps}, then linear down to 0 at {@code totalSteps}, and 0 after.
 * As in fairseq, whose trainer sets the rate from {@code num_updates} before each update, the first
 * update runs at rate 0 when there is a warmup.
 */
public record LinearWarmupDecay(double peak, int warmupSteps, int totalSteps) implements LrSchedule {

  public LinearWarmupDecay {
    if (!(peak >= 0) || warmupSteps < 0 || totalSteps < warmupSteps) {
      throw new IllegalArgumentException("need peak >= 0 and 0 <= warmup <= total, got peak " + peak
          + ", warmup " + warmupSteps + ", total " + totalSteps);
    }
  }

  @Override
  public double lr(int step) {
    if (step < 0) {
      throw new IllegalArgumentException("negative step " + step);
    }
    if (warmupSteps > 0 && step <= warmupSteps) {
      return peak * step / warmupSteps;
    }
    if (step >= totalSteps) {
      return 0.0;
    }
    double remaining = 1.0 - (double) (step - warmupSteps) / (totalSteps - warmupSteps);
    return peak * remaining;
  }
}
