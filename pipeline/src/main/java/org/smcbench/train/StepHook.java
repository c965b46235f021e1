package org.smcbench.train;

/**
 * Called around every optimizer step. DJL's own listeners fire before the step only, which is too
 * early to re-zero pruned weights (Adam's moments revive them), hence our own loop and hook.
 * {@code step} counts from 1 (the update about to be, or just, applied).
 */
public interface StepHook {
  StepHook NONE = new StepHook() {};

  /** The batch's gradients are in the parameters and the optimizer has not used them yet. */
  default void beforeOptimizerStep(int step) {}

  /** The optimizer has updated the weights (and zeroed the gradients). */
  default void afterOptimizerStep(int step) {}
}
