package org.smcbench.sparsity;

import org.smcbench.sparsity.score.MagnitudeScorer;
import org.smcbench.sparsity.select.MaskSelector;

/** LTH's round: prune by global magnitude of the trained weights; the survivors keep their values. */
public final class MagnitudeStep implements PruningStep {
  @Override
  public String label() {
    return "magnitude";
  }

  @Override
  public MaskSet next(PruningContext context, MaskSet current) {
    var scores = new MagnitudeScorer().score(context.scope());
    var selection = MaskSelector.select(scores, context.targetSparsity(), context.granularity(),
        current == null ? null : current.selection());
    if (current == null) {
      return MaskSet.fromSelection(context.scope(), selection, context.manager());
    }
    current.update(selection);
    return current;
  }
}
