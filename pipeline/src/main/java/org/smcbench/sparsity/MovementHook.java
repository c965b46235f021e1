package org.smcbench.sparsity;

import org.smcbench.sparsity.select.MaskSelector;
import org.smcbench.train.StepHook;

/**
 * One movement-pruning run as the training loop drives it: scores accumulate from the dense
 * gradients before every update, and at each schedule event the mask becomes the top scores at the
 * scheduled sparsity. After the last event the mask is fixed and the scores are freed.
 */
final class MovementHook implements StepHook {
  private final CubicSchedule schedule;
  private final PruningContext context;
  private final MaskSet masks;
  private MovementScores scores;

  MovementHook(CubicSchedule schedule, PruningContext context, MaskSet masks, MovementScores scores) {
    this.schedule = schedule;
    this.context = context;
    this.masks = masks;
    this.scores = scores;
  }

  @Override
  public void beforeOptimizerStep(int step) {
    if (scores != null) {
      scores.accumulate();
    }
  }

  @Override
  public void afterOptimizerStep(int step) {
    if (scores != null && schedule.isPruningStep(step)) {
      // No "pruned stays pruned": every event ranks all scores afresh (the paper's Top_v(S)).
      masks.update(MaskSelector.select(scores.host(), schedule.sparsityAt(step), context.granularity()));
      if (step >= schedule.t1()) {
        scores.close();
        scores = null;
      }
    }
    masks.applyTo(context.scope());
  }
}
