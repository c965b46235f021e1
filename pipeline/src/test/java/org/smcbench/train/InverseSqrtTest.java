package org.smcbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** fairseq's inverse_sqrt: values worked out from its formulas for mBART-50's 3e-5 / 2,500 warm-up. */
class InverseSqrtTest {
  @Test
  void warmsUpLinearlyThenDecaysWithTheInverseSquareRoot() {
    InverseSqrt s = new InverseSqrt(3e-5, 2500);
    assertEquals(0.0, s.lr(0), 0);
    assertEquals(3e-5 * 1000 / 2500, s.lr(1000), 1e-18);
    assertEquals(3e-5, s.lr(2500), 1e-18);
    // At 10,000 updates: 3e-5 · sqrt(2500 / 10000) = 1.5e-5; at 40,000: 7.5e-6.
    assertEquals(1.5e-5, s.lr(10_000), 1e-18);
    assertEquals(7.5e-6, s.lr(40_000), 1e-18);
    assertThrows(IllegalArgumentException.class, () -> new InverseSqrt(3e-5, 0));
  }
}
