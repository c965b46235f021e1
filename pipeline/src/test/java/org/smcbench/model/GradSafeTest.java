package org.smcbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Constants autograd keeps survive until the backward pass even when the JVM reuses the memory of
 * collected direct buffers in between (DJL's {@code mul(Number)} does not: see {@link GradSafe}).
 */
class GradSafeTest {

  @Test
  void gradientsOfScaledAndDividedArraysStayExactUnderMemoryChurn() {
    check(x -> GradSafe.times(x, 3.0), 3f);
    check(x -> GradSafe.dividedBy(x, 4.0), 0.25f);
    check(x -> x.mul(GradSafe.owned(x.getManager().create(new float[] {2f, 2f, 2f, 2f}, new Shape(4)))), 2f);
  }

  /** Differentiates sum(op(x)) after freeing and reusing plenty of small direct buffers. */
  private static void check(Function<NDArray, NDArray> op, float expected) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(new float[] {1f, -2f, 3f, 0.5f});
      x.setRequiresGradient(true);
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDArray y;
        try (NDManager scope = manager.newSubManager()) {
          y = op.apply(x).sum();
          y.attach(manager);
        }
        churn(manager);
        collector.backward(y);
      }
      float[] want = new float[4];
      Arrays.fill(want, expected);
      assertArrayEquals(want, x.getGradient().toFloatArray(), 0f);
    }
  }

  /** Collects freed Java-backed arrays and refills malloc's free lists with other values. */
  private static void churn(NDManager manager) {
    for (int round = 0; round < 20; round++) {
      System.gc();
      for (int i = 0; i < 200; i++) {
        manager.create(1e30f).close();
        manager.create(new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN}).close();
      }
    }
  }
}
