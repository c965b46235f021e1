package org.smcbench.sparsity;

import java.util.LinkedHashMap;
import java.util.function.Consumer;

/**
 * Loss gradients one training batch at a time, for methods that need each gradient rather than
 * their sum (oBERT's empirical Fisher averages g gᵀ over batches). The run supplies it from its
 * task and training data, as it does {@link GradientProbe}.
 */
@FunctionalInterface
public interface BatchGradients {
  BatchGradients NONE = (batches, perBatch) -> {
    throw new UnsupportedOperationException("this run provides no per-batch gradients");
  };

  /**
   * Hands {@code perBatch} the loss gradient of every scope tensor (by name, scope order) of each
   * of {@code batches} training batches, in evaluation mode (no dropout: the gradients of the model
   * as it is), one batch after the other; the maps are not kept, so memory holds one gradient.
   * Leaves the parameters' gradients zeroed.
   */
  void forEach(int batches, Consumer<LinkedHashMap<String, float[]>> perBatch);
}
