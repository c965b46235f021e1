package org.smcbench.results;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

/** Significance: of an accuracy against chance, and the t quantile of intervals over seeds. */
public final class Significance {
  /** z of a two-sided 95 % interval. */
  public static final double Z95 = 1.959963984540054;

  private Significance() {}

  /**
   * One-sided binomial p-value P(X ≥ correct) for X ~ Binomial(n, chance): the probability that
   * answering at random is right at least {@code correct} times out of {@code n}. Computed as the
   * regularized incomplete beta I_chance(correct, n − correct + 1), which keeps its precision far
   * into the tail (1 − CDF would round to 0).
   */
  public static double binomialUpperTail(long correct, long n, double chance) {
    if (n <= 0 || correct < 0 || correct > n || !(chance > 0 && chance < 1)) {
      throw new IllegalArgumentException("need 0 <= correct <= n, n > 0, chance in (0, 1); got " + correct + ", " + n
          + ", " + chance);
    }
    if (correct == 0) {
      return 1.0;
    }
    return Beta.regularizedBeta(chance, correct, n - correct + 1);
  }

  /** The 0.975 quantile of Student's t with {@code df} degrees of freedom (two-sided 95 % interval). */
  public static double studentT975(long df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
    }
    return new TDistribution(null, df).inverseCumulativeProbability(0.975);
  }
}
