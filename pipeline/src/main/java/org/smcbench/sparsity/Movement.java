package org.smcbench.sparsity;

import java.util.Optional;
import org.smcbench.train.StepHook;

/**
 * Movement pruning, the hard (top-k) variant (Sanh, Wolf & Rush, 2020), During like GMP: from the
 * pre-trained weights, every step adds −(∂L/∂W) ⊙ W to each weight's score ({@link MovementScores}),
 * and at each event of GMP's cubic schedule the mask keeps the highest scores at the scheduled
 * sparsity (the exact-count global or layerwise selection), so weights moving away from zero are
 * kept whatever their magnitude.
 *
 * <p>The mask is recomputed from all scores at every event, as the paper's Top_v(S), so a pruned
 * weight may come back. Here pruned weights are held at exactly zero, so their own term is 0 and
 * their score stays what it was when they were pruned (the paper's straight-through scores keep
 * moving, with the dense weight kept aside): one returns only when kept weights' scores fall below
 * it, and it returns at zero.
 */
public final class Movement implements SparsityMethod {
  private final int frequency;
  private final double start;
  private final double end;

  public Movement(int frequency, double start, double end) {
    if (!(start >= 0 && start < end && end <= 1)) {
      throw new IllegalArgumentException("movement needs 0 <= start < end <= 1, got " + start + ", " + end);
    }
    this.frequency = frequency;
    this.start = start;
    this.end = end;
  }

  @Override
  public String name() {
    return "movement";
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

  /** The run's hooks, holding its scores (in the context's manager, freed after the last event). */
  @Override
  public StepHook stepHook(PruningContext context, MaskSet masks) {
    return new MovementHook(schedule(context), context, masks, new MovementScores(context.scope(), context.manager()));
  }

  /** Scores belong to one run: the hooks are {@link #stepHook}'s, never the method's own. */
  @Override
  public void beforeOptimizerStep(PruningContext context, MaskSet masks, int step) {
    throw new IllegalStateException("movement keeps per-run scores: drive it through stepHook(context, masks)");
  }

  @Override
  public void afterOptimizerStep(PruningContext context, MaskSet masks, int step) {
    throw new IllegalStateException("movement keeps per-run scores: drive it through stepHook(context, masks)");
  }
}
