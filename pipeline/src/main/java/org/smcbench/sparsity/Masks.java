package org.smcbench.sparsity;

import java.util.LinkedHashMap;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.sparsity.select.MaskSelector;

/** Scores to masks at a run's target sparsity and granularity: the step every scoring method shares. */
public final class Masks {
  private Masks() {}

  public static MaskSet select(PruningContext context, LinkedHashMap<String, float[]> scores) {
    MaskSelection selection = MaskSelector.select(scores, context.targetSparsity(), context.granularity());
    return MaskSet.fromSelection(context.scope(), selection, context.manager());
  }
}
