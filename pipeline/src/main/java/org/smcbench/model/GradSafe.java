package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Constants in computations that autograd records. DJL's {@code mul(Number)} and
 * {@code div(Number)} wrap the constant in a tensor over a Java direct buffer ({@code from_blob},
 * no copy) and close it right after the op; autograd keeps that tensor to scale the gradient in
 * the backward pass, by which time the buffer may have been collected and its memory reused, so
 * the gradient is scaled by garbage (measured: about one step in ten to fifty of an mBART
 * fine-tuning, whole embedding rows turning to 1e38 or NaN). Here the constant is a tensor
 * PyTorch allocates and reference-counts, so the backward pass always reads the right value. The
 * same holds for any array created from Java data ({@code manager.create(float[])}) that an op with
 * gradient keeps after its handle is closed: {@link #owned} copies it into PyTorch's memory.
 * Arrays without gradient (masks, buffers) may keep using DJL's own scalar ops.
 */
public final class GradSafe {
  private GradSafe() {}

  /** {@code x × value}. */
  public static NDArray times(NDArray x, double value) {
    try (NDArray constant = constant(x, value)) {
      return x.mul(constant);
    }
  }

  /** {@code x ÷ value}. */
  public static NDArray dividedBy(NDArray x, double value) {
    try (NDArray constant = constant(x, value)) {
      return x.div(constant);
    }
  }

  /**
   * A copy of {@code created} (an array over a Java buffer) in memory PyTorch owns; {@code created}
   * is closed. Use it for constants an op with gradient keeps for the backward pass.
   */
  public static NDArray owned(NDArray created) {
    try (created) {
      return created.duplicate();
    }
  }

  private static NDArray constant(NDArray like, double value) {
    return like.getManager().full(new Shape(), (float) value, like.getDataType(), like.getDevice());
  }
}
