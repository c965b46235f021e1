package org.smcbench.sparsity.obert;

/**
 * The inverse of oBERT's block-diagonal empirical Fisher of one flattened tensor,
 * F = λI + (1/m) Σ g gᵀ restricted to blocks of {@code blockSize} consecutive weights (the last
 * block of a tensor whose size is no multiple of the block size is shorter; no padding).
 *
 * <p>Built gradient by gradient with the Sherman–Morrison rank-1 step (Woodbury for one gradient):
 * starting from F⁻¹ = I/λ, each gradient g of a block updates
 * F⁻¹ ← F⁻¹ − (F⁻¹g)(F⁻¹g)ᵀ / (m + gᵀF⁻¹g), which is exact for λI + (1/m)Σggᵀ once all m have been
 * added. So no gradient is stored: memory is one packed upper triangle per block, n·(B+1)/2
 * doubles for n weights. Doubles, because with λ = 1e-7 the recursion subtracts terms of order
 * 1/λ and single precision would lose the small diagonal entries the saliency divides by.
 */
public final class BlockFisherInverse {
  private final int numel;
  private final int blockSize;
  private final int gradients;
  private final int blocks;
  /** Packed upper triangles (row-major: (i, j ≥ i)), block after block. */
  private final double[] packed;
  private final long[] offsets;
  private int added;

  /**
   * @param numel      weights in the tensor
   * @param blockSize  B, weights per diagonal block
   * @param dampening  λ &gt; 0
   * @param gradients  m, the number of gradients that will be added (the 1/m of the average)
   */
  public BlockFisherInverse(int numel, int blockSize, double dampening, int gradients) {
    if (numel < 1 || blockSize < 1 || !(dampening > 0) || gradients < 1) {
      throw new IllegalArgumentException("block Fisher needs numel, block size, gradients >= 1 and dampening > 0; got "
          + numel + ", " + blockSize + ", " + gradients + ", " + dampening);
    }
    this.numel = numel;
    this.blockSize = blockSize;
    this.gradients = gradients;
    this.blocks = (numel + blockSize - 1) / blockSize;
    this.offsets = new long[blocks + 1];
    for (int b = 0; b < blocks; b++) {
      int s = size(b);
      offsets[b + 1] = offsets[b] + (long) s * (s + 1) / 2;
    }
    if (offsets[blocks] > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("tensor of " + numel + " weights is too large for one packed Fisher inverse"
          + " at block size " + blockSize);
    }
    this.packed = new double[(int) offsets[blocks]];
    double diagonal = 1.0 / dampening;
    for (int b = 0; b < blocks; b++) {
      int s = size(b);
      int base = (int) offsets[b];
      for (int i = 0; i < s; i++) {
        packed[base + index(s, i, i)] = diagonal;
      }
    }
  }

  public int numel() {
    return numel;
  }

  public int blockSize() {
    return blockSize;
  }

  public int blocks() {
    return blocks;
  }

  /** Weights in block {@code b} (B, or fewer for the last block). */
  public int size(int b) {
    return Math.min(blockSize, numel - b * blockSize);
  }

  /** Gradients added so far. */
  public int added() {
    return added;
  }

  /** Adds one gradient (flat, the tensor's size): one rank-1 step per block. */
  public void add(float[] g) {
    if (g.length != numel) {
      throw new IllegalArgumentException("gradient of " + g.length + " entries for a tensor of " + numel);
    }
    if (added == gradients) {
      throw new IllegalStateException("all " + gradients + " gradients were already added");
    }
    double[] v = new double[blockSize];
    for (int b = 0; b < blocks; b++) {
      int s = size(b);
      int base = (int) offsets[b];
      int start = b * blockSize;
      multiply(base, s, g, start, v);
      double denominator = gradients;
      for (int i = 0; i < s; i++) {
        denominator += g[start + i] * v[i];
      }
      int p = base;
      for (int i = 0; i < s; i++) {
        double vi = v[i] / denominator;
        for (int j = i; j < s; j++) {
          packed[p++] -= vi * v[j];
        }
      }
    }
    added++;
  }

  /** [F⁻¹]_qq for every weight q, flat. */
  public double[] diagonal() {
    double[] d = new double[numel];
    for (int b = 0; b < blocks; b++) {
      int s = size(b);
      int base = (int) offsets[b];
      for (int i = 0; i < s; i++) {
        d[b * blockSize + i] = packed[base + index(s, i, i)];
      }
    }
    return d;
  }

  /** Entry (i, j) of block {@code b}'s inverse (indices within the block). */
  public double get(int b, int i, int j) {
    int s = size(b);
    return i <= j ? packed[(int) offsets[b] + index(s, i, j)] : packed[(int) offsets[b] + index(s, j, i)];
  }

  /** v = F⁻¹_b · x[start .. start + s) for the symmetric packed block at {@code base}. */
  private void multiply(int base, int s, float[] x, int start, double[] v) {
    java.util.Arrays.fill(v, 0, s, 0.0);
    int p = base;
    for (int i = 0; i < s; i++) {
      double xi = x[start + i];
      v[i] += packed[p++] * xi;
      for (int j = i + 1; j < s; j++) {
        double a = packed[p++];
        v[i] += a * x[start + j];
        v[j] += a * xi;
      }
    }
  }

  /** Offset of (i, j), i ≤ j, in an s×s packed upper triangle. */
  private static int index(int s, int i, int j) {
    return i * s - i * (i - 1) / 2 + (j - i);
  }
}
