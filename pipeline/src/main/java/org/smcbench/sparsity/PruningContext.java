package org.smcbench.sparsity;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.select.MaskSelector;

/**
 * What a sparsity method sees of a run: the prunable scope (live weights), the target, how
 * thresholds are chosen, the run's seed, the training length, and a manager for its masks.
 */
public record PruningContext(
    List<PrunableTensor> scope,
    double targetSparsity,
    MaskSelector.Granularity granularity,
    long seed,
    int totalSteps,
    NDManager manager) {

  public static MaskSelector.Granularity granularity(String label) {
    return MaskSelector.Granularity.valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }
}
