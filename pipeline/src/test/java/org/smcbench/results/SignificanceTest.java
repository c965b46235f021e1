package org.smcbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class SignificanceTest {
  /** P(X >= k) for X ~ Binomial(n, p), summed exactly in big decimals. */
  private static double exactUpperTail(int k, int n, double p) {
    MathContext mc = new MathContext(60);
    BigDecimal bp = new BigDecimal(p);
    BigDecimal bq = BigDecimal.ONE.subtract(bp);
    BigDecimal sum = BigDecimal.ZERO;
    BigInteger choose = BigInteger.ONE;
    for (int i = 0; i <= n; i++) {
      if (i > 0) {
        choose = choose.multiply(BigInteger.valueOf(n - i + 1)).divide(BigInteger.valueOf(i));
      }
      if (i >= k) {
        sum = sum.add(new BigDecimal(choose).multiply(bp.pow(i, mc)).multiply(bq.pow(n - i, mc)), mc);
      }
    }
    return sum.doubleValue();
  }

  @Test
  void upperTailMatchesTheExactSum() {
    assertEquals(exactUpperTail(7, 10, 0.5), Significance.binomialUpperTail(7, 10, 0.5), 1e-12);
    assertEquals(exactUpperTail(30, 100, 0.2), Significance.binomialUpperTail(30, 100, 0.2), 1e-12);
    assertEquals(1.0, Significance.binomialUpperTail(0, 50, 0.25), 0);
    assertEquals(Math.pow(0.25, 20), Significance.binomialUpperTail(20, 20, 0.25), 1e-25);
    // Far in the tail (CSQA dense, 372 of 1,221 right at chance 0.2): relative precision kept.
    double exact = exactUpperTail(372, 1221, 0.2);
    double ours = Significance.binomialUpperTail(372, 1221, 0.2);
    assertTrue(exact < 1e-15, "tail " + exact);
    assertEquals(1.0, ours / exact, 1e-9);
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThrows(IllegalArgumentException.class, () -> Significance.binomialUpperTail(11, 10, 0.5));
    assertThrows(IllegalArgumentException.class, () -> Significance.binomialUpperTail(1, 10, 1.0));
  }
}
