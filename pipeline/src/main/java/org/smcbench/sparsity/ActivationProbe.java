package org.smcbench.sparsity;

import java.util.LinkedHashMap;

/**
 * Input statistics of every scope tensor on calibration batches, for methods that score weights by
 * the activations they multiply (Wanda) or reconstruct a layer's outputs from them (SparseGPT). The
 * run supplies it from its task and training data.
 */
@FunctionalInterface
public interface ActivationProbe {
  ActivationProbe NONE = batches -> {
    throw new UnsupportedOperationException("this run provides no activation probe");
  };

  /** Per scope tensor, by name in scope order, its inputs' statistics over {@code batches} batches. */
  LinkedHashMap<String, InputStats> inputStats(int batches);

  /**
   * The same statistics with each linear weight's full Gram matrix ({@link InputStats#gram()}), for
   * SparseGPT. In² doubles per linear weight, so only methods that need it ask.
   */
  default LinkedHashMap<String, InputStats> inputGrams(int batches) {
    throw new UnsupportedOperationException("this activation probe measures no Gram matrices");
  }

  /**
   * What one tensor multiplied. {@code lookup = false}: the tensor is a linear layer's weight
   * [out, in] and {@code squares[j]} is Σ x_j² over every input row; {@code lookup = true}: the
   * tensor is an embedding table [rows, width], a linear layer over one-hot inputs whose weight is
   * its transpose, and {@code squares[r]} is how often row r was read (Σ of the one-hot squares).
   * {@code gram}: for a linear weight measured by {@link #inputGrams}, Σ x xᵀ [in, in] row-major
   * (its diagonal is {@code squares}); otherwise null (a table's one-hot Gram matrix is diagonal).
   */
  record InputStats(double[] squares, boolean lookup, double[] gram) {
    public InputStats(double[] squares, boolean lookup) {
      this(squares, lookup, null);
    }
  }
}
