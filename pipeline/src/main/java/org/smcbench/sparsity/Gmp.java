package org.smcbench.sparsity;

import java.util.Optional;
import org.smcbench.sparsity.score.MagnitudeScorer;
import org.smcbench.sparsity.select.MaskSelector;

/**
 * GMP (During): gradual magnitude pruning from the pre-trained weights along the cubic schedule,
 * global magnitude at each event; what is pruned stays pruned (it is zero, so it never regrows).
 */
public final class Gmp implements SparsityMethod {
  private final int frequency;
  private final double start;
  private final double end;

  public Gmp(int frequency, double start, double end) {
    if (!(start >= 0 && start < end && end <= 1)) {
      throw new IllegalArgumentException("GMP needs 0 <= start < end <= 1, got " + start + ", " + end);
    }
    this.frequency = frequency;
    this.start = start;
    this.end = end;
  }

  @Override
  public String name() {
    return "gmp";
  }

  @Override
  public Timing timing() {
    return Timing.DURING;
  }

  @Override
  public StartPoint startPoint() {
    return StartPoint.PRETRAINED;
  }

  CubicSchedule schedule(PruningContext context) {
    return CubicSchedule.of(context.targetSparsity(), context.totalSteps(), start, end, frequency);
  }

  @Override
  public Optional<MaskSet> initialMasks(PruningContext context) {
    return Optional.of(MaskSet.dense(context.scope(), context.manager()));
  }

  @Override
  public void afterOptimizerStep(PruningContext context, MaskSet masks, int step) {
    CubicSchedule schedule = schedule(context);
    if (schedule.isPruningStep(step)) {
      masks.update(MaskSelector.select(new MagnitudeScorer().score(context.scope()), schedule.sparsityAt(step),
          context.granularity(), masks.selection()));
    }
    masks.applyTo(context.scope());
  }
}
