package org.smcbench.train;

/**
 * Called after every optimizer step. DJL's own listeners fire before the step, which is too early
 * to re-zero pruned weights (Adam's moments revive them), hence our own loop and hook.
 */
@FunctionalInterface
public interface StepHook {
  StepHook NONE = step -> {};

  /** {@code step} counts from 1 (the number of optimizer updates done so far). */
  void afterOptimizerStep(int step);
}
