package org.smcbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinearWarmupDecayTest {

  @Test
  void csqaScheduleValues() {
    // CSQA in SMC-Bench: peak 1e-5, 150 warmup updates, 3000 updates in all
    LrSchedule s = new LinearWarmupDecay(1e-5, 150, 3000);
    assertEquals(0.0, s.lr(0));
    assertEquals(1e-5 / 150, s.lr(1), 1e-20);
    assertEquals(5e-6, s.lr(75), 1e-20);
    assertEquals(1e-5, s.lr(150), 1e-20);
    assertEquals(1e-5 * (1 - 1.0 / 2850), s.lr(151), 1e-20);
    assertEquals(5e-6, s.lr(1575), 1e-20);
    assertEquals(1e-5 / 2850, s.lr(2999), 1e-20);
    assertEquals(0.0, s.lr(3000));
    assertEquals(0.0, s.lr(5000));
  }

  @Test
  void noWarmupStartsAtPeak() {
    LrSchedule s = new LinearWarmupDecay(2.0, 0, 4);
    assertEquals(2.0, s.lr(0));
    assertEquals(1.5, s.lr(1));
    assertEquals(0.5, s.lr(3));
    assertEquals(0.0, s.lr(4));
    LrSchedule warmupOnly = new LinearWarmupDecay(1.0, 4, 4);
    assertEquals(0.75, warmupOnly.lr(3));
    assertEquals(1.0, warmupOnly.lr(4));
    assertEquals(0.0, warmupOnly.lr(5));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new LinearWarmupDecay(1, 10, 5));
    assertThrows(IllegalArgumentException.class, () -> new LinearWarmupDecay(-1, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new LinearWarmupDecay(1, 0, 10).lr(-1));
  }
}
