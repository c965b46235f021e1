package org.smcbench.train;

/**
 * Learning rate by update count. {@code step} is the number of optimizer updates already taken
 * (fairseq's {@code num_updates}): the rate for the first update is {@code lr(0)}.
 */
@FunctionalInterface
public interface LrSchedule {
  double lr(int step);
}
