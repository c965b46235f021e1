package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CubicScheduleTest {
  // The paper's CSQA setting: 3000 updates, pruning from 10 % to 80 % of training, every 500 steps.
  private final CubicSchedule schedule = CubicSchedule.of(0.5904, 3000, 0.1, 0.8, 500);

  @Test
  void sparsityFollowsZhuAndGupta() {
    assertEquals(300, schedule.t0());
    assertEquals(2400, schedule.t1());
    assertEquals(0.0, schedule.sparsityAt(0));
    assertEquals(0.0, schedule.sparsityAt(300));
    for (int t : new int[] {800, 1300, 1350, 2000}) {
      double expected = 0.5904 + (0 - 0.5904) * Math.pow(1 - (t - 300) / 2100.0, 3);
      assertEquals(expected, schedule.sparsityAt(t), 1e-12, "step " + t);
    }
    assertEquals(0.5904 * (1 - 0.125), schedule.sparsityAt(1350), 1e-12);
    assertEquals(0.5904, schedule.sparsityAt(2400));
    assertEquals(0.5904, schedule.sparsityAt(3000));
  }

  @Test
  void prunesEveryFrequencyStepsAndOnceMoreAtTheEnd() {
    List<Integer> events = new ArrayList<>();
    for (int t = 1; t <= 3000; t++) {
      if (schedule.isPruningStep(t)) {
        events.add(t);
      }
    }
    assertEquals(List.of(300, 800, 1300, 1800, 2300, 2400), events);
    assertTrue(schedule.isPruningStep(2400));
    assertFalse(schedule.isPruningStep(2900));
  }
}
