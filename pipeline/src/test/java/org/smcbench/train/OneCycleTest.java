package org.smcbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Our OneCycle against PyTorch's OneCycleLR, values recorded from torch 1.13 (Debian python3-torch). */
class OneCycleTest {
  @Test
  void matchesPyTorchOneCycleLrStepByStep() {
    // torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.02, total_steps=10, pct_start=0.3):
    // the rate of each of the 10 updates.
    double[] torch = {0.0007999999999999986, 0.0104, 0.02, 0.019009692640269475, 0.016234913078995262,
        0.012225240438725785, 0.007774839561274216, 0.00376516692100474, 0.0009903873597305257, 8e-08};
    OneCycle schedule = new OneCycle(0.02, 3, 10);
    for (int step = 0; step < torch.length; step++) {
      assertEquals(torch[step], schedule.lr(step), 1e-15, "step " + step);
    }
  }

  @Test
  void needsARiseAndADecay() {
    assertThrows(IllegalArgumentException.class, () -> new OneCycle(0.02, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new OneCycle(0.02, 10, 10));
  }
}
