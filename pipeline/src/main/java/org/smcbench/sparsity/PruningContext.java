package org.smcbench.sparsity;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.select.MaskSelector;
import org.smcbench.sparsity.select.NmPattern;

/**
 * What a sparsity method sees of a run: the prunable scope (live weights), the target, how
 * thresholds are chosen, the run's seed, the training length, a manager for its masks, and loss
 * gradients (summed or per batch) or input activations on training batches when it needs them.
 */
public record PruningContext(
    List<PrunableTensor> scope,
    double targetSparsity,
    MaskSelector.Granularity granularity,
    long seed,
    int totalSteps,
    NDManager manager,
    GradientProbe gradients,
    NmPattern pattern,
    ActivationProbe activations,
    BatchGradients batchGradients) {

  /** Global or layerwise selection (no N:M pattern), no activation probe. */
  public PruningContext(List<PrunableTensor> scope, double targetSparsity, MaskSelector.Granularity granularity,
      long seed, int totalSteps, NDManager manager, GradientProbe gradients) {
    this(scope, targetSparsity, granularity, seed, totalSteps, manager, gradients, null, ActivationProbe.NONE,
        BatchGradients.NONE);
  }

  /** The same context with calibration activations. */
  public PruningContext withActivations(ActivationProbe probe) {
    return new PruningContext(scope, targetSparsity, granularity, seed, totalSteps, manager, gradients, pattern, probe,
        batchGradients);
  }

  /** The same context with per-batch loss gradients. */
  public PruningContext withBatchGradients(BatchGradients probe) {
    return new PruningContext(scope, targetSparsity, granularity, seed, totalSteps, manager, gradients, pattern,
        activations, probe);
  }

  /** A run's {@code selection} label: global, layerwise, or an N:M pattern such as "2:4". */
  public static PruningContext of(List<PrunableTensor> scope, double targetSparsity, String selection, long seed,
      int totalSteps, NDManager manager, GradientProbe gradients) {
    NmPattern pattern = NmPattern.parse(selection);
    // Under a pattern, methods that rank globally (GMP's schedule, RigL's regrowth) are refused by
    // the planner; the granularity left for them would be per tensor.
    MaskSelector.Granularity granularity = pattern != null ? MaskSelector.Granularity.LAYERWISE
        : MaskSelector.Granularity.valueOf(selection.toUpperCase(java.util.Locale.ROOT));
    return new PruningContext(scope, targetSparsity, granularity, seed, totalSteps, manager, gradients, pattern,
        ActivationProbe.NONE, BatchGradients.NONE);
  }
}
