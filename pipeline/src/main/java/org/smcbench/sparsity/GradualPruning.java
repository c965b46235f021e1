package org.smcbench.sparsity;

import java.util.Optional;

/**
 * What the During methods that prune along the cubic schedule share (GMP, movement): they start
 * dense from the pre-trained weights and prune at the schedule's events from {@code start} to
 * {@code end} of training every {@code frequency} steps; they differ in the scores an event ranks.
 */
abstract class GradualPruning implements SparsityMethod {
  private final int frequency;
  private final double start;
  private final double end;

  GradualPruning(String name, int frequency, double start, double end) {
    if (!(start >= 0 && start < end && end <= 1)) {
      throw new IllegalArgumentException(name + " needs 0 <= start < end <= 1, got " + start + ", " + end);
    }
    this.frequency = frequency;
    this.start = start;
    this.end = end;
  }

  @Override
  public final Timing timing() {
    return Timing.DURING;
  }

  @Override
  public final StartPoint startPoint() {
    return StartPoint.PRETRAINED;
  }

  CubicSchedule schedule(PruningContext context) {
    return CubicSchedule.of(context.targetSparsity(), context.totalSteps(), start, end, frequency);
  }

  @Override
  public final Optional<MaskSet> initialMasks(PruningContext context) {
    return Optional.of(MaskSet.dense(context.scope(), context.manager()));
  }
}
