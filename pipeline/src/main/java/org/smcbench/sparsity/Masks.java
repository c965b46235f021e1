package org.smcbench.sparsity;

import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.sparsity.select.MaskSelector;
import org.smcbench.sparsity.select.NmSelector;

/** Scores to masks at a run's target sparsity and granularity: the step every scoring method shares. */
public final class Masks {
  private Masks() {}

  public static MaskSet select(PruningContext context, LinkedHashMap<String, float[]> scores) {
    MaskSelection selection;
    if (context.pattern() != null) {
      Map<String, Long> rows = new HashMap<>();
      for (PrunableTensor t : context.scope()) {
        Shape shape = t.parameter().getArray().getShape();
        rows.put(t.name(), shape.get(shape.dimension() - 1));
      }
      selection = NmSelector.select(scores, rows, context.pattern());
    } else {
      selection = MaskSelector.select(scores, context.targetSparsity(), context.granularity());
    }
    return MaskSet.fromSelection(context.scope(), selection, context.manager());
  }
}
