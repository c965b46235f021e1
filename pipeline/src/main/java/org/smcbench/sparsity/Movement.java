package org.smcbench.sparsity;

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
public final class Movement extends GradualPruning {
  public Movement(int frequency, double start, double end) {
    super("movement", frequency, start, end);
  }

  @Override
  public String name() {
    return "movement";
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
