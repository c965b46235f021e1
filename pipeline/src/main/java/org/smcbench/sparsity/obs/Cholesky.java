package org.smcbench.sparsity.obs;

/**
 * Dense Cholesky arithmetic on symmetric positive definite matrices held row-major in
 * {@code double[n * n]}, for SparseGPT's inverse Hessian (layers here are at most a few thousand
 * inputs wide, so plain O(n³) loops on the host are enough).
 */
public final class Cholesky {
  private Cholesky() {}

  /** L lower triangular with {@code a = L Lᵀ}; {@code a} is not modified. */
  public static double[] lower(double[] a, int n) {
    double[] l = new double[n * n];
    for (int j = 0; j < n; j++) {
      double d = a[j * n + j];
      for (int k = 0; k < j; k++) {
        d -= l[j * n + k] * l[j * n + k];
      }
      if (!(d > 0)) {
        throw new ArithmeticException("matrix is not positive definite (pivot " + d + " at " + j + ")");
      }
      double ljj = Math.sqrt(d);
      l[j * n + j] = ljj;
      for (int i = j + 1; i < n; i++) {
        double s = a[i * n + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * n + k] * l[j * n + k];
        }
        l[i * n + j] = s / ljj;
      }
    }
    return l;
  }

  /**
   * U upper triangular with {@code a⁻¹ = Uᵀ U}: the factor SparseGPT's column sweep reads. With J the
   * reversal permutation and J a J = L Lᵀ, R = J L J is upper triangular with a = R Rᵀ, so
   * a⁻¹ = R⁻ᵀ R⁻¹ and U = R⁻¹ = J L⁻¹ J: one factorisation and one triangular inverse, no explicit
   * a⁻¹.
   */
  public static double[] upperOfInverse(double[] a, int n) {
    double[] reversed = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        reversed[i * n + j] = a[(n - 1 - i) * n + (n - 1 - j)];
      }
    }
    double[] m = inverseOfLower(lower(reversed, n), n);
    double[] u = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        u[i * n + j] = m[(n - 1 - i) * n + (n - 1 - j)];
      }
    }
    return u;
  }

  /** L⁻¹ of a lower triangular L, row by row (along rows, for the cache). */
  private static double[] inverseOfLower(double[] l, int n) {
    // M[i, :] = (e_i − Σ_{k<i} L[i, k] M[k, :]) / L[i, i]
    double[] m = new double[n * n];
    for (int i = 0; i < n; i++) {
      int row = i * n;
      m[row + i] = 1;
      for (int k = 0; k < i; k++) {
        double f = l[row + k];
        if (f != 0) {
          for (int c = 0; c <= k; c++) {
            m[row + c] -= f * m[k * n + c];
          }
        }
      }
      double d = l[row + i];
      for (int c = 0; c <= i; c++) {
        m[row + c] /= d;
      }
    }
    return m;
  }
}
