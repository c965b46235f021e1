package org.smcbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.sparsity.LiveTensors;

class AdamWTest {
  private static final double B1 = 0.9;
  private static final double B2 = 0.98;
  private static final double EPS = 1e-6;
  private static final double WD = 0.1;

  /** torch.optim.AdamW for one tensor, in doubles. */
  private static final class Reference {
    final double[] w;
    final double[] m;
    final double[] v;
    final boolean decay;
    int t;

    Reference(float[] w0, boolean decay) {
      w = new double[w0.length];
      for (int i = 0; i < w0.length; i++) {
        w[i] = w0[i];
      }
      m = new double[w0.length];
      v = new double[w0.length];
      this.decay = decay;
    }

    void step(float[] g, double lr) {
      t++;
      double bc1 = 1 - Math.pow(B1, t);
      double bc2 = 1 - Math.pow(B2, t);
      for (int i = 0; i < w.length; i++) {
        if (decay) {
          w[i] *= 1 - lr * WD;
        }
        m[i] = B1 * m[i] + (1 - B1) * g[i];
        v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
        w[i] -= lr / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + EPS);
      }
    }
  }

  @Test
  void matchesPyTorchFormulaOverThreeSteps() {
    float[] w0 = {0.5f, -1.25f, 2f, 0.001f, -0.3f, 0f};
    float[] b0 = {0.1f, -0.2f, 0.3f};
    // gradient per step; tiny entries make eps (and where it is added) matter
    float[][] gw = {{1f, -2f, 0.5f, 1e-4f, -3e-5f, 0f}, {-0.5f, 1f, 2f, 2e-4f, 1e-5f, 0.25f},
        {0.25f, 0.75f, -1.5f, -1e-4f, 0f, -0.5f}};
    float[][] gb = {{0.3f, 0f, -1f}, {0.1f, 0.2f, 0.3f}, {-2f, 1e-6f, 0.5f}};
    float[] lrs = {0.01f, 0.02f, 0.005f};

    try (NDManager m = NDManager.newBaseManager();
        AdamW opt = AdamW.builder().betas(B1, B2).eps(EPS).weightDecay(WD)
            .noDecay(name -> name.endsWith(".bias")).build()) {
      Parameter w = LiveTensors.parameter(m, "fc1.weight", w0, 2, 3);
      Parameter b = LiveTensors.parameter(m, "fc1.bias", b0, 3);
      Parameter unused = LiveTensors.parameter(m, "unused.weight", new float[] {1f, 2f}, 2);
      Map<String, Parameter> params = new LinkedHashMap<>();
      params.put("fc1.weight", w);
      params.put("fc1.bias", b);
      params.put("unused.weight", unused);
      Reference rw = new Reference(w0, true);
      Reference rb = new Reference(b0, false);

      for (int step = 0; step < 3; step++) {
        try (NDManager s = m.newSubManager();
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          // d/dw sum(w ⊙ c) = c exactly
          NDArray cw = s.create(gw[step], new Shape(2, 3));
          NDArray cb = s.create(gb[step], new Shape(3));
          gc.backward(w.getArray().mul(cw).sum().add(b.getArray().mul(cb).sum()));
        }
        opt.step(params, lrs[step]);
        rw.step(gw[step], lrs[step]);
        rb.step(gb[step], lrs[step]);

        assertClose(rw.w, w.getArray().toFloatArray(), "weight after step " + (step + 1));
        assertClose(rb.w, b.getArray().toFloatArray(), "bias after step " + (step + 1));
        try (NDArray g = w.getArray().getGradient()) {
          assertArrayEquals(new float[6], g.toFloatArray(), "gradient zeroed");
        }
      }
      assertEquals(3, opt.steps("fc1.weight"));
      assertEquals(0, opt.steps("unused.weight"));
      assertArrayEquals(new float[] {1f, 2f}, unused.getArray().toFloatArray());
      assertFalse(JniUtils.isGradMode());
    }
  }

  /** Parameter groups: a scaled parameter follows the reference formula at its own learning rate. */
  @Test
  void scaledParameterTakesItsOwnLearningRate() {
    float[] w0 = {0.5f, -1.25f, 2f};
    float[] e0 = {0.1f, 0.2f, -0.3f};
    float[][] g = {{1f, -2f, 0.5f}, {-0.5f, 1f, 2f}};
    try (NDManager m = NDManager.newBaseManager();
        AdamW opt = AdamW.builder().betas(B1, B2).eps(EPS).weightDecay(WD).build()) {
      Parameter w = LiveTensors.parameter(m, "decoder.weight", w0, 3);
      Parameter e = LiveTensors.parameter(m, "embedding.weight", e0, 3);
      Map<String, Parameter> params = new LinkedHashMap<>();
      params.put("decoder.weight", w);
      params.put("embedding.weight", e);
      Reference rw = new Reference(w0, true);
      Reference re = new Reference(e0, true);
      org.smcbench.config.TrainingSettings t = new org.smcbench.config.TrainingSettings(1e-2, 1, 2, 0, WD, B1, B2,
          EPS, 0, 0, 1, Map.of("embedding", 1e-4));
      Map<String, Float> scale = Map.of("embedding.weight", (float) (t.learningRateOf("embedding.weight") / 1e-2));
      assertEquals(1e-2, t.learningRateOf("decoder.weight"));
      for (int step = 0; step < 2; step++) {
        try (NDManager s = m.newSubManager();
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray c = s.create(g[step]);
          gc.backward(w.getArray().mul(c).sum().add(e.getArray().mul(c).sum()));
        }
        opt.step(params, 0.01f, scale);
        rw.step(g[step], 0.01);
        re.step(g[step], 1e-4);
        assertClose(rw.w, w.getArray().toFloatArray(), "decoder after step " + (step + 1));
        assertClose(re.w, e.getArray().toFloatArray(), "embedding after step " + (step + 1));
      }
    }
  }

  private static void assertClose(double[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-6, what + " [" + i + "]");
    }
  }
}
