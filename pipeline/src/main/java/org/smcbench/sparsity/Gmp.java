package org.smcbench.sparsity;

import org.smcbench.sparsity.score.MagnitudeScorer;
import org.smcbench.sparsity.select.MaskSelector;

/**
 * GMP (During): gradual magnitude pruning from the pre-trained weights along the cubic schedule,
 * global magnitude at each event; what is pruned stays pruned (it is zero, so it never regrows).
 */
public final class Gmp extends GradualPruning {
  public Gmp(int frequency, double start, double end) {
    super("GMP", frequency, start, end);
  }

  @Override
  public String name() {
    return "gmp";
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
