package org.smcbench.sparsity;

/**
 * One round of iterative pruning: from the trained weights of the scope and the masks so far
 * (null before the first round), the masks at the context's target, pruned staying pruned. A step
 * may also change the surviving weights (oBERT's OBS update); the round's rewind decides whether
 * those weights are what the next training starts from.
 */
public interface PruningStep {
  /** Short name for messages. */
  String label();

  MaskSet next(PruningContext context, MaskSet current);

  /**
   * The prunable scope this step's runs use when the sweep asks for {@code sweepScope}: the same,
   * unless the step's method defines its own set (oBERT keeps embeddings and heads dense).
   */
  default String scopeFor(String sweepScope) {
    return sweepScope;
  }
}
