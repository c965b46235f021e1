package org.smcbench.sparsity.obert;

/**
 * The Optimal Brain Surgeon weight update for the weights a mask prunes, block by block of a
 * {@link BlockFisherInverse}: minimising ½ δwᵀ F δw subject to w_q + δw_q = 0 for every pruned q
 * of the block (the set Q) gives δw = −F⁻¹ E_Q (E_Qᵀ F⁻¹ E_Q)⁻¹ E_Qᵀ w.
 *
 * <p>This solves the joint system for all of a block's pruned weights at once (a |Q|×|Q| Cholesky
 * solve), which is the OBS optimum the oBERT paper states. oBERT's reference implementation
 * (SparseML's OBS modifier) instead sums the single-weight updates −F⁻¹e_q · w_q / [F⁻¹]_qq of the
 * newly pruned weights and then zeroes them, which equals this only when a block prunes one weight;
 * see the README. Weights pruned earlier (w = 0, gradients masked) are part of Q, so the update
 * never revives them.
 */
public final class ObsUpdate {
  private ObsUpdate() {}

  /** Updates {@code w} in place: pruned entries ({@code kept[i] == false}) become exactly 0. */
  public static void apply(BlockFisherInverse inverse, float[] w, boolean[] kept) {
    if (w.length != inverse.numel() || kept.length != inverse.numel()) {
      throw new IllegalArgumentException("weights, mask and Fisher inverse differ in size: " + w.length + ", "
          + kept.length + ", " + inverse.numel());
    }
    int[] q = new int[inverse.blockSize()];
    for (int b = 0; b < inverse.blocks(); b++) {
      int s = inverse.size(b);
      int start = b * inverse.blockSize();
      int pruned = 0;
      for (int i = 0; i < s; i++) {
        if (!kept[start + i]) {
          q[pruned++] = i;
        }
      }
      if (pruned == 0) {
        continue;
      }
      double[] z = solve(inverse, b, q, pruned, w, start);
      for (int i = 0; i < s; i++) {
        if (!kept[start + i]) {
          continue;
        }
        double delta = 0;
        for (int k = 0; k < pruned; k++) {
          delta -= inverse.get(b, i, q[k]) * z[k];
        }
        w[start + i] = (float) (w[start + i] + delta);
      }
      for (int k = 0; k < pruned; k++) {
        w[start + q[k]] = 0f;
      }
    }
  }

  /** z = (F⁻¹_QQ)⁻¹ w_Q by Cholesky (F⁻¹_QQ is symmetric positive definite). */
  private static double[] solve(BlockFisherInverse inverse, int b, int[] q, int n, float[] w, int start) {
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = inverse.get(b, q[i], q[j]);
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            throw new ArithmeticException("Fisher inverse block " + b + " is not positive definite on the pruned set");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = w[start + q[i]];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    double[] z = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    return z;
  }
}
