package org.smcbench.sparsity.obert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * oBERT's block Fisher inverse, saliency and OBS update on small tensors, against direct
 * (independently computed) linear algebra: the inverse of λI + (1/m)Σggᵀ by Gauss–Jordan and the
 * constrained quadratic solved on F itself, not on F⁻¹.
 */
class ObertMathTest {

  @Test
  void blockSizeOneSaliencyIsTheDiagonalFisherFormula() {
    double lambda = 1e-7;
    float[] w = {0.5f, -0.25f, 2f};
    float[][] g = {{0.1f, 0.3f, -0.02f}, {-0.2f, 0.1f, 0.04f}};
    BlockFisherInverse inverse = new BlockFisherInverse(3, 1, lambda, 2);
    for (float[] gi : g) {
      inverse.add(gi);
    }
    float[] rho = ObertSaliency.of(w, inverse);
    for (int q = 0; q < 3; q++) {
      double meanSquare = (g[0][q] * (double) g[0][q] + g[1][q] * (double) g[1][q]) / 2;
      double expected = w[q] * (double) w[q] * (lambda + meanSquare) / 2;
      assertEquals(expected, rho[q], 1e-6 * expected);
    }
    // By hand for q = 0: 0.25 · (1e-7 + (0.01 + 0.04)/2) / 2 = 0.0031250125
    assertEquals(0.0031250125, rho[0], 1e-9);
  }

  @Test
  void recursionEqualsTheDirectInverseOfEveryBlock() {
    int n = 12;
    int blockSize = 5; // blocks of 5, 5 and a short last block of 2
    int m = 7;
    double lambda = 1e-3;
    float[][] g = gradients(new Random(3), m, n);
    BlockFisherInverse inverse = new BlockFisherInverse(n, blockSize, lambda, m);
    for (float[] gi : g) {
      inverse.add(gi);
    }
    assertEquals(3, inverse.blocks());
    assertEquals(2, inverse.size(2));
    for (int b = 0; b < inverse.blocks(); b++) {
      int s = inverse.size(b);
      double[][] direct = invert(fisher(g, b * blockSize, s, lambda));
      for (int i = 0; i < s; i++) {
        for (int j = 0; j < s; j++) {
          assertEquals(direct[i][j], inverse.get(b, i, j), 1e-9 * Math.abs(direct[i][i]), "block " + b + " (" + i
              + ", " + j + ")");
        }
      }
    }
  }

  @Test
  void oBertsDampeningStaysExactInDoublePrecision() {
    // λ = 1e-7 and fewer gradients than the block size: F is nearly singular, F⁻¹ has entries ~1e7.
    int n = 6;
    float[][] g = gradients(new Random(11), 3, n);
    BlockFisherInverse inverse = new BlockFisherInverse(n, n, 1e-7, 3);
    for (float[] gi : g) {
      inverse.add(gi);
    }
    double[][] f = fisher(g, 0, n, 1e-7);
    // F · F⁻¹ = I is checked on F itself, which does not suffer from the inverse's large entries.
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += f[i][k] * inverse.get(0, k, j);
        }
        assertEquals(i == j ? 1 : 0, sum, 1e-6, "(F F⁻¹)[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void updateZeroesThePrunedAndSolvesTheConstrainedQuadratic() {
    int n = 12;
    int blockSize = 5;
    int m = 9;
    double lambda = 1e-2;
    float[][] g = gradients(new Random(5), m, n);
    BlockFisherInverse inverse = new BlockFisherInverse(n, blockSize, lambda, m);
    for (float[] gi : g) {
      inverse.add(gi);
    }
    float[] w0 = new float[n];
    Random r = new Random(8);
    for (int i = 0; i < n; i++) {
      w0[i] = (float) r.nextGaussian();
    }
    boolean[] kept = new boolean[n];
    java.util.Arrays.fill(kept, true);
    kept[1] = false; // block 0 prunes two weights: the joint system, not two single updates
    kept[3] = false;
    kept[11] = false; // the short last block prunes one; block 1 prunes none and must not move
    float[] w = w0.clone();
    ObsUpdate.apply(inverse, w, kept);

    for (int b = 0; b < 3; b++) {
      int start = b * blockSize;
      int s = Math.min(blockSize, n - start);
      double[] expected = constrainedOptimum(fisher(g, start, s, lambda), w0, kept, start, s);
      for (int i = 0; i < s; i++) {
        assertEquals(expected[i], w[start + i], 1e-5, "weight " + (start + i));
      }
    }
    assertEquals(0f, w[1], 0f);
    assertEquals(0f, w[3], 0f);
    assertEquals(0f, w[11], 0f);
    assertArrayEquals(java.util.Arrays.copyOfRange(w0, 5, 10), java.util.Arrays.copyOfRange(w, 5, 10), 0f);
    // The kept weights of block 0 did move (the update is not a plain zeroing).
    assertEquals(true, Math.abs(w[0] - w0[0]) > 1e-4);
  }

  @Test
  void singlePrunedWeightGetsTheClassicObsUpdate() {
    // One pruned weight q: δw = −w_q F⁻¹e_q / [F⁻¹]_qq (Hassibi & Stork), the oBERT paper's eq.
    float[][] g = gradients(new Random(2), 4, 3);
    BlockFisherInverse inverse = new BlockFisherInverse(3, 3, 1e-2, 4);
    for (float[] gi : g) {
      inverse.add(gi);
    }
    float[] w = {0.3f, -0.7f, 1.1f};
    boolean[] kept = {true, false, true};
    float[] updated = w.clone();
    ObsUpdate.apply(inverse, updated, kept);
    for (int i : new int[] {0, 2}) {
      double expected = w[i] - w[1] * inverse.get(0, i, 1) / inverse.get(0, 1, 1);
      assertEquals(expected, updated[i], 1e-5);
    }
  }

  @Test
  void tooManyGradientsAreRefused() {
    BlockFisherInverse inverse = new BlockFisherInverse(2, 2, 1e-7, 1);
    inverse.add(new float[] {1f, 2f});
    assertThrows(IllegalStateException.class, () -> inverse.add(new float[] {1f, 2f}));
    assertThrows(IllegalArgumentException.class, () -> new BlockFisherInverse(2, 2, 0, 1));
  }

  private static float[][] gradients(Random r, int m, int n) {
    float[][] g = new float[m][n];
    for (float[] gi : g) {
      for (int i = 0; i < n; i++) {
        gi[i] = (float) (0.1 * r.nextGaussian());
      }
    }
    return g;
  }

  /** λI + (1/m) Σ g gᵀ over weights [start, start + s). */
  private static double[][] fisher(float[][] g, int start, int s, double lambda) {
    double[][] f = new double[s][s];
    for (int i = 0; i < s; i++) {
      f[i][i] = lambda;
      for (int j = 0; j < s; j++) {
        for (float[] gi : g) {
          f[i][j] += (double) gi[start + i] * gi[start + j] / g.length;
        }
      }
    }
    return f;
  }

  /**
   * argmin ½ δwᵀFδw with δw_Q = −w_Q: the free weights K solve F_KK δw_K = F_KQ w_Q (stationarity in
   * δw_K); returns the new weights of the block.
   */
  private static double[] constrainedOptimum(double[][] f, float[] w, boolean[] kept, int start, int s) {
    java.util.List<Integer> free = new java.util.ArrayList<>();
    java.util.List<Integer> pruned = new java.util.ArrayList<>();
    for (int i = 0; i < s; i++) {
      (kept[start + i] ? free : pruned).add(i);
    }
    double[] out = new double[s];
    if (pruned.isEmpty()) {
      for (int i = 0; i < s; i++) {
        out[i] = w[start + i];
      }
      return out;
    }
    double[][] fkk = new double[free.size()][free.size()];
    double[] rhs = new double[free.size()];
    for (int a = 0; a < free.size(); a++) {
      for (int c = 0; c < free.size(); c++) {
        fkk[a][c] = f[free.get(a)][free.get(c)];
      }
      for (int q : pruned) {
        rhs[a] += f[free.get(a)][q] * w[start + q];
      }
    }
    double[][] inv = invert(fkk);
    for (int a = 0; a < free.size(); a++) {
      double delta = 0;
      for (int c = 0; c < free.size(); c++) {
        delta += inv[a][c] * rhs[c];
      }
      out[free.get(a)] = w[start + free.get(a)] + delta;
    }
    return out;
  }

  /** Gauss–Jordan with partial pivoting. */
  private static double[][] invert(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
          p = r;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      double d = m[c][c];
      for (int j = 0; j < 2 * n; j++) {
        m[c][j] /= d;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r][c];
          for (int j = 0; j < 2 * n; j++) {
            m[r][j] -= f * m[c][j];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, inv[i], 0, n);
    }
    return inv;
  }
}
