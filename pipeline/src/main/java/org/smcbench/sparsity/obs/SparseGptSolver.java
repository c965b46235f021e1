package org.smcbench.sparsity.obs;

import java.util.Arrays;
import org.smcbench.sparsity.select.NmPattern;

/**
 * SparseGPT (Frantar & Alistarh, 2023) on one linear layer W [rows = outputs, cols = inputs] with the
 * Gram matrix H = Σ x xᵀ of its calibration inputs, in double precision. As the reference does:
 * inputs never seen (H_ii = 0) get H_ii = 1 and W[:, i] = 0; H is dampened by
 * {@code dampening} · mean(diag H); U is the upper Cholesky factor of H⁻¹. The columns are swept in
 * blocks of {@code blockSize}: each block chooses its mask by w² / U_jj², then every column j is
 * pruned in turn and its error (w − q) / U_jj is spread over the block's later columns through U's
 * row j (the OBS update restricted to the columns not yet fixed); after the block its errors reach
 * the later columns through U[block, later].
 *
 * <p>H's scale cancels (the reference's 2/n factor changes neither masks nor weights, and the
 * dampening is relative to H's own diagonal), so the raw sums are used.
 */
public final class SparseGptSolver {
  /** The reconstructed weights [rows, cols] row-major (pruned entries exactly 0) and the kept flags. */
  public record Result(double[] weights, boolean[] kept) {}

  private final int blockSize;
  private final double dampening;

  public SparseGptSolver(int blockSize, double dampening) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("SparseGPT's block size must be at least 1, got " + blockSize);
    }
    if (!(dampening >= 0) || Double.isInfinite(dampening)) {
      throw new IllegalArgumentException("SparseGPT's dampening must be a finite number >= 0, got " + dampening);
    }
    this.blockSize = blockSize;
    this.dampening = dampening;
  }

  /**
   * Unstructured: exactly round(s · rows · cols) entries pruned. The reference prunes ⌊s · numel⌋
   * (plus ties) of every block, which does not add up to one exact per-tensor count; here block
   * [c0, c1) prunes round(s · rows · c1) − round(s · rows · c0) of its entries, so the blocks differ
   * from s · (block size) by less than one entry and their counts telescope to round(s · numel). Within
   * a block, as in the reference, all rows compete; ties go to the lower flat index.
   */
  public Result prune(double[] weights, int rows, int cols, double[] gram, double sparsity) {
    if (!(sparsity >= 0 && sparsity <= 1)) {
      throw new IllegalArgumentException("sparsity must be in [0, 1], got " + sparsity);
    }
    return sweep(weights, rows, cols, gram, sparsity, null);
  }

  /**
   * N:M: in every M consecutive inputs of every row N are kept. As in the reference a group is chosen
   * when the sweep reaches its first column, from the weights as updated so far; among equal scores
   * the lower index is kept (as {@link org.smcbench.sparsity.select.NmSelector} does).
   */
  public Result prune(double[] weights, int rows, int cols, double[] gram, NmPattern pattern) {
    if (cols % pattern.m() != 0) {
      throw new IllegalArgumentException("its inputs (" + cols + ") are not a multiple of M = " + pattern.m()
          + ", so it cannot take the " + pattern.label() + " pattern");
    }
    // A group must not straddle two blocks: the later block's weights lack the earlier block's updates.
    if (Math.min(blockSize, cols) % pattern.m() != 0) {
      throw new IllegalArgumentException("SparseGPT's block size " + blockSize + " is not a multiple of M = "
          + pattern.m() + " of the " + pattern.label() + " pattern");
    }
    return sweep(weights, rows, cols, gram, Double.NaN, pattern);
  }

  private Result sweep(double[] weights, int rows, int cols, double[] gram, double sparsity, NmPattern pattern) {
    if (weights.length != (long) rows * cols || gram.length != (long) cols * cols) {
      throw new IllegalArgumentException("weights of " + weights.length + " and a Gram matrix of " + gram.length
          + " entries for a layer [" + rows + ", " + cols + "]");
    }
    double[] w = weights.clone();
    double[] h = gram.clone();
    double diagonal = 0;
    for (int i = 0; i < cols; i++) {
      if (h[i * cols + i] == 0) {
        h[i * cols + i] = 1;
        for (int r = 0; r < rows; r++) {
          w[r * cols + i] = 0;
        }
      }
      diagonal += h[i * cols + i];
    }
    double damp = dampening * diagonal / cols;
    for (int i = 0; i < cols; i++) {
      h[i * cols + i] += damp;
    }
    double[] u = Cholesky.upperOfInverse(h, cols);
    boolean[] kept = new boolean[w.length];
    Arrays.fill(kept, true);
    for (int b0 = 0; b0 < cols; b0 += blockSize) {
      int b1 = Math.min(b0 + blockSize, cols);
      if (pattern == null) {
        chooseBlock(w, u, rows, cols, b0, b1, sparsity, kept);
      }
      double[] err = new double[rows * (b1 - b0)];
      for (int j = b0; j < b1; j++) {
        if (pattern != null && j % pattern.m() == 0) {
          chooseGroup(w, u, rows, cols, j, pattern, kept);
        }
        double d = u[j * cols + j];
        for (int r = 0; r < rows; r++) {
          int at = r * cols + j;
          if (kept[at]) {
            continue;
          }
          double e = w[at] / d;
          w[at] = 0;
          err[r * (b1 - b0) + (j - b0)] = e;
          for (int k = j + 1; k < b1; k++) {
            w[r * cols + k] -= e * u[j * cols + k];
          }
        }
      }
      for (int r = 0; r < rows; r++) {
        for (int j = b0; j < b1; j++) {
          double e = err[r * (b1 - b0) + (j - b0)];
          if (e == 0) {
            continue;
          }
          for (int k = b1; k < cols; k++) {
            w[r * cols + k] -= e * u[j * cols + k];
          }
        }
      }
    }
    return new Result(w, kept);
  }

  /** Prunes the block's share of the exact count: its lowest w² / U_jj² over all rows. */
  private static void chooseBlock(double[] w, double[] u, int rows, int cols, int b0, int b1, double sparsity,
      boolean[] kept) {
    int count = Math.toIntExact(Math.round(sparsity * ((long) rows * b1)) - Math.round(sparsity * ((long) rows * b0)));
    if (count == 0) {
      return;
    }
    int width = b1 - b0;
    double[] score = new double[rows * width];
    for (int r = 0; r < rows; r++) {
      for (int c = b0; c < b1; c++) {
        double d = u[c * cols + c];
        score[r * width + (c - b0)] = w[r * cols + c] * w[r * cols + c] / (d * d);
      }
    }
    // The count-th lowest score is the threshold: everything below it goes, then entries equal to it
    // in (row, column) order, which within the block is the flat index order. A primitive sort: a
    // block of a 1536-row weight holds 196,608 scores.
    double[] sorted = score.clone();
    Arrays.sort(sorted);
    double threshold = sorted[count - 1];
    int atThreshold = count;
    for (int k = 0; k < count; k++) {
      atThreshold -= sorted[k] < threshold ? 1 : 0;
    }
    for (int i = 0; i < score.length; i++) {
      boolean prune = score[i] < threshold || (score[i] == threshold && atThreshold-- > 0);
      if (prune) {
        kept[(i / width) * cols + b0 + i % width] = false;
      }
    }
  }

  /** In every row, keeps the N of columns [j, j + M) with the highest w² / U_cc². */
  private static void chooseGroup(double[] w, double[] u, int rows, int cols, int j, NmPattern pattern,
      boolean[] kept) {
    int m = pattern.m();
    double[] score = new double[m];
    int[] order = new int[m];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < m; i++) {
        int c = j + i;
        double d = u[c * cols + c];
        double s = w[r * cols + c] * w[r * cols + c] / (d * d);
        // insertion sort, descending, stable: among equal scores the lower index stays ahead
        int k = i;
        while (k > 0 && score[k - 1] < s) {
          score[k] = score[k - 1];
          order[k] = order[k - 1];
          k--;
        }
        score[k] = s;
        order[k] = c;
      }
      for (int i = pattern.n(); i < m; i++) {
        kept[r * cols + order[i]] = false;
      }
    }
  }
}
