package org.smcbench.sparsity;

import java.util.LinkedHashMap;

/**
 * Loss gradients at the current weights, for methods that score by them (SNIP's |g ⊙ w|). The run
 * supplies it from its task and training data; the sparsity package never sees either.
 */
@FunctionalInterface
public interface GradientProbe {
  GradientProbe NONE = batches -> {
    throw new UnsupportedOperationException("this run provides no gradient probe");
  };

  /**
   * The loss gradient of every scope tensor, summed over {@code batches} training batches, by
   * tensor name in scope order. Leaves the parameters' gradients zeroed.
   */
  LinkedHashMap<String, float[]> lossGradients(int batches);
}
