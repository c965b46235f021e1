package org.smcbench.model.esm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embeddings (RoFormer; ESM-2) as Hugging Face's {@code RotaryEmbedding}: head
 * dimension pair (i, i + d/2) at position p is rotated by the angle p · 10000^(−2i/d), so the
 * score q_m · k_n depends on m and n only through m − n.
 */
final class Rotary {
  private static final float BASE = 10000f;

  private Rotary() {}

  /**
   * cos and sin of the angles for positions 0 .. length−1, each [length, dim]; the d/2 frequencies
   * appear twice (cat(freqs, freqs)), matching {@link #apply}'s split into two halves.
   */
  static NDList tables(NDManager manager, long length, int dim) {
    // Same float32 ops as the reference, so angles agree bit for bit at long lengths too.
    NDArray exponents = manager.arange(0, dim, 2, DataType.INT64).toType(DataType.FLOAT32, false).div((float) dim);
    NDArray inverseFrequencies = manager.ones(new Shape(dim / 2)).div(manager.full(new Shape(dim / 2), BASE).pow(exponents));
    NDArray positions = manager.arange(0f, (float) length, 1f).reshape(length, 1);
    NDArray angles = positions.mul(inverseFrequencies.reshape(1, dim / 2));
    NDArray doubled = angles.concat(angles, 1);
    return new NDList(doubled.cos(), doubled.sin());
  }

  /** {@code x cos + rotate_half(x) sin} for x [..., T, d], with rotate_half(x1, x2) = (−x2, x1). */
  static NDArray apply(NDArray x, NDArray cos, NDArray sin) {
    int last = x.getShape().dimension() - 1; // DJL's split takes no negative axis
    NDList halves = x.split(2, last);
    NDArray rotated = halves.get(1).neg().concat(halves.get(0), last);
    return x.mul(cos).add(rotated.mul(sin));
  }
}
