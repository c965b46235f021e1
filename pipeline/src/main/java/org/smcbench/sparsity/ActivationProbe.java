package org.smcbench.sparsity;

import java.util.LinkedHashMap;

/**
 * Input statistics of every scope tensor on calibration batches, for methods that score weights by
 * the activations they multiply (Wanda). The run supplies it from its task and training data.
 */
@FunctionalInterface
public interface ActivationProbe {
  ActivationProbe NONE = batches -> {
    throw new UnsupportedOperationException("this run provides no activation probe");
  };

  /** Per scope tensor, by name in scope order, its inputs' statistics over {@code batches} batches. */
  LinkedHashMap<String, InputStats> inputStats(int batches);

  /**
   * What one tensor multiplied. {@code lookup = false}: the tensor is a linear layer's weight
   * [out, in] and {@code squares[j]} is Σ x_j² over every input row; {@code lookup = true}: the
   * tensor is an embedding table [rows, width], a linear layer over one-hot inputs whose weight is
   * its transpose, and {@code squares[r]} is how often row r was read (Σ of the one-hot squares).
   */
  record InputStats(double[] squares, boolean lookup) {}
}
