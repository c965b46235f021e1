package org.smcbench.train;

/**
 * fairseq's {@code inverse_sqrt} with its default {@code warmup_init_lr} (0 when there is a warm-up):
 * linear from 0 to {@code peak} over {@code warmupSteps} updates, then {@code peak · sqrt(warmup / step)}.
 * mBART-50's multilingual fine-tuning (Tang et al., 2020) uses it. Unlike the linear schedule it does
 * not reach 0 at the end of training: the last update runs at {@code peak · sqrt(warmup / total)}.
 */
public record InverseSqrt(double peak, int warmupSteps) implements LrSchedule {

  public InverseSqrt {
    if (!(peak >= 0) || warmupSteps < 1) {
      // fairseq's decay factor is peak · sqrt(warmup): without a warm-up every rate after it would be 0.
      throw new IllegalArgumentException("need peak >= 0 and warmup >= 1, got peak " + peak + ", warmup "
          + warmupSteps);
    }
  }

  @Override
  public double lr(int step) {
    if (step < 0) {
      throw new IllegalArgumentException("negative step " + step);
    }
    if (step < warmupSteps) {
      return peak * step / warmupSteps;
    }
    return peak * Math.sqrt(warmupSteps) / Math.sqrt(step);
  }
}
