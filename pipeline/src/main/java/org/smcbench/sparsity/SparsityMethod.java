package org.smcbench.sparsity;

import java.util.Optional;
import org.smcbench.train.StepHook;

/**
 * A way to make a network sparse, as the training loop drives it. A new method is one class
 * implementing this plus one line in {@link SparsityMethods}.
 *
 * <p>Lifecycle of one run: the loop loads the weights named by {@link #startPoint()}, asks for
 * {@link #initialMasks} (applied at once), trains the full schedule calling
 * {@link #afterOptimizerStep} after every update, then evaluates.
 */
public interface SparsityMethod {
  /** Stable config name (e.g. {@code omp_after}); part of every run key. */
  String name();

  Timing timing();

  StartPoint startPoint();

  /** Masks to train with, computed from the start weights; empty for a dense run. */
  Optional<MaskSet> initialMasks(PruningContext context);

  /**
   * Before each optimizer step (1-based), with the batch's dense gradients in the parameters:
   * where RigL reads the gradients it grows by.
   */
  default void beforeOptimizerStep(PruningContext context, MaskSet masks, int step) {}

  /**
   * After each optimizer step (1-based). The default keeps pruned weights at exactly zero: Adam's
   * moments would otherwise revive them. Methods that move masks (GMP, RigL) override this.
   */
  default void afterOptimizerStep(PruningContext context, MaskSet masks, int step) {
    masks.applyTo(context.scope());
  }

  /**
   * Whether the method prunes once from scores and keeps its mask fixed, so that an N:M selection
   * can turn its scores into the pattern (methods that move or grow masks cannot keep one).
   */
  default boolean prunesOnceFromScores() {
    return false;
  }

  /**
   * The prunable scope (a {@link PruningScope} label) this method's runs use when the sweep asks for
   * {@code sweepScope}: the same for every method but those whose paper fixes its own set (oBERT
   * keeps embeddings and heads dense). Throws IllegalArgumentException for a scope it cannot prune.
   */
  default String scopeFor(String sweepScope) {
    return sweepScope;
  }

  /**
   * Whether the run trains its schedule after {@link #initialMasks}; false for a one-shot method
   * evaluated as pruned (Wanda's and SparseGPT's results without re-training).
   */
  default boolean retrains() {
    return true;
  }

  /** Whether the method's training distils from the dense parent, and how; empty for most. */
  default Optional<Distillation> distillation() {
    return Optional.empty();
  }

  /** This method's hooks bound to one run's context and masks, as the training loop calls them. */
  default StepHook stepHook(PruningContext context, MaskSet masks) {
    SparsityMethod method = this;
    return new StepHook() {
      @Override
      public void beforeOptimizerStep(int step) {
        method.beforeOptimizerStep(context, masks, step);
      }

      @Override
      public void afterOptimizerStep(int step) {
        method.afterOptimizerStep(context, masks, step);
      }
    };
  }
}
