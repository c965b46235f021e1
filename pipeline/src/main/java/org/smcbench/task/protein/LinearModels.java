package org.smcbench.task.protein;

/**
 * L2-regularised linear models fitted exactly, for small dense designs (rows of standardised
 * features with a leading constant 1 for the bias; the bias is not penalised). Deterministic: no
 * random start, no data order.
 */
final class LinearModels {
  /** Newton stops when no gradient entry exceeds this. */
  static final double GRADIENT_TOLERANCE = 1e-9;
  static final int MAX_NEWTON_STEPS = 100;
  // The softmax likelihood does not change when one constant is added to every class's bias, so
  // its Hessian is singular in that direction; this much on the bias diagonal makes it solvable
  // without moving the fit (the gradient has no component in that direction).
  private static final double BIAS_JITTER = 1e-10;

  private LinearModels() {}

  /**
   * Multinomial (softmax) logistic regression minimising mean cross-entropy + λ/2 Σ‖w_c‖² by Newton's
   * method with a backtracking line search. Returns {@code [classes][columns]}.
   */
  static double[][] fitSoftmax(double[][] x, int[] y, int classes, double lambda) {
    int n = x.length;
    int p = x[0].length;
    int dim = classes * p;
    double[] theta = new double[dim];
    double objective = softmaxObjective(x, y, classes, theta, lambda);
    for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
      double[][] prob = probabilities(x, theta, classes);
      double[] gradient = new double[dim];
      double[][] hessian = new double[dim][dim];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < classes; c++) {
          double residual = prob[i][c] - (y[i] == c ? 1 : 0);
          for (int j = 0; j < p; j++) {
            gradient[c * p + j] += residual * x[i][j] / n;
          }
          for (int d = c; d < classes; d++) {
            double w = prob[i][c] * ((c == d ? 1 : 0) - prob[i][d]) / n;
            for (int j = 0; j < p; j++) {
              double wx = w * x[i][j];
              for (int k = 0; k < p; k++) {
                hessian[c * p + j][d * p + k] += wx * x[i][k];
              }
            }
          }
        }
      }
      double largest = 0;
      for (int c = 0; c < classes; c++) {
        for (int j = 0; j < p; j++) {
          int at = c * p + j;
          if (j > 0) {
            gradient[at] += lambda * theta[at];
            hessian[at][at] += lambda;
          } else {
            hessian[at][at] += BIAS_JITTER;
          }
          largest = Math.max(largest, Math.abs(gradient[at]));
        }
      }
      if (largest <= GRADIENT_TOLERANCE) {
        return reshape(theta, classes, p);
      }
      // Only the blocks c <= d were summed: mirror them.
      for (int a = 0; a < dim; a++) {
        for (int b = 0; b < a; b++) {
          hessian[a][b] = hessian[b][a];
        }
      }
      double[] direction = solvePositiveDefinite(hessian, negate(gradient));
      double slope = dot(gradient, direction);
      double t = 1;
      double[] next = new double[dim];
      double nextObjective;
      while (true) {
        for (int a = 0; a < dim; a++) {
          next[a] = theta[a] + t * direction[a];
        }
        nextObjective = softmaxObjective(x, y, classes, next, lambda);
        if (nextObjective <= objective + 1e-4 * t * slope || t < 1e-12) {
          break;
        }
        t /= 2;
      }
      if (nextObjective >= objective && largest < 1e-6) {
        // Rounding, not a gradient, is what is left: the optimum is reached.
        return reshape(theta, classes, p);
      }
      theta = next.clone();
      objective = nextObjective;
    }
    throw new IllegalStateException("softmax regression did not converge in " + MAX_NEWTON_STEPS + " Newton steps");
  }

  /** Class scores (logits) of one design row. */
  static double[] scores(double[][] weights, double[] row) {
    double[] z = new double[weights.length];
    for (int c = 0; c < weights.length; c++) {
      z[c] = dot(weights[c], row);
    }
    return z;
  }

  /** Ridge regression: minimises mean squared error + λ ‖w‖² through the normal equations. */
  static double[] fitRidge(double[][] x, double[] y, double lambda) {
    int n = x.length;
    int p = x[0].length;
    double[][] gram = new double[p][p];
    double[] moment = new double[p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        moment[j] += x[i][j] * y[i] / n;
        for (int k = j; k < p; k++) {
          gram[j][k] += x[i][j] * x[i][k] / n;
        }
      }
    }
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < j; k++) {
        gram[j][k] = gram[k][j];
      }
      if (j > 0) {
        gram[j][j] += lambda;
      }
    }
    return solvePositiveDefinite(gram, moment);
  }

  /** Solves {@code a·v = b} for a symmetric positive-definite {@code a} by Cholesky factorisation. */
  static double[] solvePositiveDefinite(double[][] a, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            throw new IllegalStateException("matrix is not positive definite (pivot " + i + " = " + sum + ")");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    double[] v = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = z[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * v[k];
      }
      v[i] = sum / l[i][i];
    }
    return v;
  }

  private static double softmaxObjective(double[][] x, int[] y, int classes, double[] theta, double lambda) {
    int p = x[0].length;
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double[] z = logits(x[i], theta, classes);
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (double v : z) {
        sum += Math.exp(v - max);
      }
      loss += max + Math.log(sum) - z[y[i]];
    }
    double penalty = 0;
    for (int c = 0; c < classes; c++) {
      for (int j = 1; j < p; j++) {
        penalty += theta[c * p + j] * theta[c * p + j];
      }
    }
    return loss / x.length + lambda / 2 * penalty;
  }

  private static double[][] probabilities(double[][] x, double[] theta, int classes) {
    double[][] prob = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double[] z = logits(x[i], theta, classes);
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      for (int c = 0; c < classes; c++) {
        z[c] /= sum;
      }
      prob[i] = z;
    }
    return prob;
  }

  private static double[] logits(double[] row, double[] theta, int classes) {
    int p = row.length;
    double[] z = new double[classes];
    for (int c = 0; c < classes; c++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += theta[c * p + j] * row[j];
      }
      z[c] = s;
    }
    return z;
  }

  private static double[][] reshape(double[] theta, int classes, int p) {
    double[][] w = new double[classes][p];
    for (int c = 0; c < classes; c++) {
      System.arraycopy(theta, c * p, w[c], 0, p);
    }
    return w;
  }

  private static double[] negate(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
