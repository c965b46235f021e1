package org.smcbench.task.protein;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpearmanTest {
  @Test
  void monotoneIsOneAndReversedIsMinusOne() {
    assertEquals(1.0, Spearman.rho(new double[] {1, 2, 3, 4}, new double[] {10, 100, 1000, 10000}), 1e-15);
    assertEquals(-1.0, Spearman.rho(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2.5, -7}), 1e-15);
  }

  @Test
  void tiesGetMeanRanks() {
    assertArrayEquals(new double[] {1, 4, 4, 2, 6, 4},
        Spearman.ranks(new double[] {-1, 7, 7, 0, 9, 7}, "x"));
    // y ranks 1, 2, 3.5, 5, 3.5 against 1..5: Σd·d = 8, Σd² = 10 and 9.5, so ρ = 8 / √95.
    assertEquals(8 / Math.sqrt(95), Spearman.rho(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}), 1e-15);
    assertEquals(0.8207826816681233, Spearman.rho(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}), 1e-15);
    // Ties on both sides: ranks 1.5, 1.5, 3, 4 and 1, 2.5, 2.5, 4 give 3.75 / 4.5.
    assertEquals(5.0 / 6, Spearman.rho(new double[] {1, 1, 2, 3}, new double[] {2, 3, 3, 4}), 1e-15);
  }

  @Test
  void uncorrelatedIsZero() {
    // Ranks 1..4 against 2, 4, 1, 3: Σd·d = (-1.5)(-0.5) + (-0.5)(1.5) + (0.5)(-1.5) + (1.5)(0.5) = 0.
    assertEquals(0.0, Spearman.rho(new double[] {1, 2, 3, 4}, new double[] {20, 40, 10, 30}), 1e-15);
  }

  @Test
  void constantSideIsNaN() {
    assertTrue(Double.isNaN(Spearman.rho(new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.1})));
    assertTrue(Double.isNaN(Spearman.rho(new double[] {5, 5}, new double[] {1, 2})));
    assertTrue(Double.isNaN(Spearman.rho(new double[] {1}, new double[] {2})));
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> Spearman.rho(new double[] {1, 2}, new double[] {1}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Spearman.rho(new double[] {1, 2}, new double[] {1, Double.NaN}));
    assertEquals("y[1] is NaN", e.getMessage());
  }
}
