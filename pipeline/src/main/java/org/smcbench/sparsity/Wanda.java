package org.smcbench.sparsity;

import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.ActivationProbe.InputStats;
import org.smcbench.sparsity.score.WandaScorer;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.sparsity.select.NmPattern;
import org.smcbench.sparsity.select.NmSelector;
import org.smcbench.sparsity.select.PerOutputSelector;

/**
 * Wanda (Sun et al., 2023), After: prune the fine-tuned model once by |W|·‖X‖ with activations from
 * calibration batches of the training data, comparing weights within each output, then re-train
 * with the mask fixed like the other After methods, or (without re-training, as the Wanda paper
 * reports it) evaluate the pruned model as it is. Under an N:M selection the same scores pick N of
 * every M (Wanda's semi-structured variant).
 */
public final class Wanda extends CalibratedOneShot {

  public Wanda(String name, int batches, boolean retrain) {
    super(name, batches, retrain);
  }

  @Override
  public Optional<MaskSet> initialMasks(PruningContext context) {
    LinkedHashMap<String, InputStats> stats = context.activations().inputStats(batches());
    MaskSelection selection = select(context.scope(), stats, batches(), context.targetSparsity(), context.pattern());
    return Optional.of(MaskSet.fromSelection(context.scope(), selection, context.manager()));
  }

  /**
   * Wanda's kept flags for {@code tensors} from their measured inputs: round(s·n) per tensor spread
   * over its outputs, or under {@code pattern} (null for none) N of every M along the last axis.
   */
  static MaskSelection select(List<PrunableTensor> tensors, LinkedHashMap<String, InputStats> stats, int batches,
      double sparsity, NmPattern pattern) {
    LinkedHashMap<String, float[]> scores = new WandaScorer(b -> stats, batches).score(tensors);
    if (pattern != null) {
      Map<String, Long> rowLength = new HashMap<>();
      for (PrunableTensor t : tensors) {
        Shape shape = t.array().getShape();
        rowLength.put(t.name(), shape.get(shape.dimension() - 1));
      }
      return NmSelector.select(scores, rowLength, pattern);
    }
    Map<String, PerOutputSelector.Layout> layouts = new HashMap<>();
    for (PrunableTensor t : tensors) {
      Shape shape = t.array().getShape();
      layouts.put(t.name(), new PerOutputSelector.Layout(Math.toIntExact(shape.get(0)), Math.toIntExact(shape.get(1)),
          stats.get(t.name()).lookup() ? PerOutputSelector.Outputs.COLUMNS : PerOutputSelector.Outputs.ROWS));
    }
    return PerOutputSelector.select(scores, layouts, sparsity);
  }
}
