package org.smcbench.sparsity;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.select.MaskSelector;

/**
 * What a sparsity method sees of a run: the prunable scope (live weights), the target, how
 * thresholds are chosen, the run's seed, the training length, a manager for its masks, and loss
 * gradients on training batches when it needs them.
 */
public record PruningContext(
    List<PrunableTensor> scope,
    double targetSparsity,
    MaskSelector.Granularity granularity,
    long seed,
    int totalSteps,
    NDManager manager,
    GradientProbe gradients) {

  public static MaskSelector.Granularity granularity(String label) {
    return MaskSelector.Granularity.valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }
}
