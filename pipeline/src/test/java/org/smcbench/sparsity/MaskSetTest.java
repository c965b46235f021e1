package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.score.MagnitudeScorer;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.sparsity.select.MaskSelector;

class MaskSetTest {
  private static final boolean T = true;
  private static final boolean F = false;

  private static List<PrunableTensor> scope(NDManager m) {
    return List.of(
        LiveTensors.tensor(m, "layer0.q", ModuleKind.ATTN_Q, 0,
            new float[] {0.9f, -0.1f, 0.5f, 0.3f, -0.7f, 0.2f}, 2, 3),
        LiveTensors.tensor(m, "head", ModuleKind.HEAD, -1, new float[] {0.01f, -0.02f, 0f, 0.8f}, 4));
  }

  private static MaskSelection selection(boolean[] a, boolean[] b) {
    LinkedHashMap<String, boolean[]> s = new LinkedHashMap<>();
    s.put("layer0.q", a);
    s.put("head", b);
    return new MaskSelection(s);
  }

  @Test
  void applyToZeroesPrunedWeightsWithGradModeOnAndRestoresIt() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<PrunableTensor> scope = scope(m);
      MaskSelection sel = MaskSelector.select(new MagnitudeScorer().score(scope), 0.5);
      try (MaskSet masks = MaskSet.fromSelection(scope, sel, m)) {
        assertEquals(new Shape(2, 3), masks.mask("layer0.q").getShape());
        assertArrayEquals(new float[] {1, 0, 1, 1, 1, 0}, masks.mask("layer0.q").toFloatArray());
        JniUtils.setGradMode(true); // as on a Spark task thread
        try {
          masks.applyTo(scope);
          assertTrue(JniUtils.isGradMode(), "grad mode restored");
        } finally {
          JniUtils.setGradMode(false);
        }
        // delta 0 compares values, so -0.0 (a negative weight times 0) equals 0
        assertArrayEquals(new float[] {0.9f, 0f, 0.5f, 0.3f, -0.7f, 0f},
            scope.get(0).array().toFloatArray(), 0f);
        assertArrayEquals(new float[] {0f, 0f, 0f, 0.8f}, scope.get(1).array().toFloatArray(), 0f);
        assertEquals(5, masks.kept());
        assertEquals(10, masks.numel());
        assertEquals(0.5, masks.sparsity());
      }
    }
  }

  @Test
  void statsCountZerosOfTheLiveWeights() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<PrunableTensor> scope = scope(m);
      try (MaskSet masks = MaskSet.fromSelection(scope,
          selection(new boolean[] {F, T, T, T, T, T}, new boolean[] {T, T, T, T}), m)) {
        // before applying: only head[2] is zero
        List<TensorStats> before = masks.stats();
        assertEquals(new TensorStats("layer0.q", ModuleKind.ATTN_Q, 0, 6, 0), before.get(0));
        assertEquals(new TensorStats("head", ModuleKind.HEAD, -1, 4, 1), before.get(1));
        masks.applyTo(scope);
        List<TensorStats> after = masks.stats();
        assertEquals(1, after.get(0).zeros());
        assertEquals(1, after.get(1).zeros()); // the kept-but-zero entry, not the mask, counts
        assertEquals(1.0 / 6, after.get(0).sparsity(), 1e-12);
      }
    }
  }

  @Test
  void maskGradientsZeroesGradientsOfPrunedEntries() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<PrunableTensor> scope = scope(m);
      NDArray w = scope.get(0).array();
      NDArray h = scope.get(1).array();
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray c = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
        gc.backward(w.mul(c).sum().add(h.mul(h).sum()));
      }
      try (MaskSet masks = MaskSet.fromSelection(scope,
          selection(new boolean[] {T, F, T, F, T, F}, new boolean[] {F, T, T, F}), m)) {
        masks.maskGradients(scope);
      }
      try (NDArray g = w.getGradient(); NDArray gh = h.getGradient()) {
        assertArrayEquals(new float[] {1, 0, 3, 0, 5, 0}, g.toFloatArray());
        assertArrayEquals(new float[] {0f, -0.04f, 0f, 0f}, gh.toFloatArray(), 1e-7f);
      }
      // weights themselves untouched
      assertArrayEquals(new float[] {0.9f, -0.1f, 0.5f, 0.3f, -0.7f, 0.2f}, w.toFloatArray());
    }
  }

  @Test
  void denseKeepsEverything() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<PrunableTensor> scope = scope(m);
      try (MaskSet masks = MaskSet.dense(scope, m)) {
        masks.applyTo(scope);
        assertEquals(10, masks.kept());
        assertEquals(0.0, masks.sparsity());
        assertArrayEquals(new float[] {0.01f, -0.02f, 0f, 0.8f}, scope.get(1).array().toFloatArray());
      }
    }
  }

  @Test
  void packUsesLeastSignificantBitFirstAndRoundTrips() {
    try (NDManager m = NDManager.newBaseManager()) {
      PrunableTensor t = LiveTensors.tensor(m, "t", ModuleKind.OTHER, -1, new float[9], 9);
      boolean[] kept = {T, F, T, T, F, F, F, F, T};
      LinkedHashMap<String, boolean[]> s = new LinkedHashMap<>();
      s.put("t", kept);
      try (MaskSet masks = MaskSet.fromSelection(List.of(t), new MaskSelection(s), m)) {
        assertArrayEquals(new byte[] {0b00001101, 0b00000001}, masks.pack("t"));
        assertArrayEquals(kept, MaskSet.unpack(masks.pack("t"), 9));
      }
    }
    SplittableRandom rng = new SplittableRandom(5);
    for (int n = 0; n < 70; n++) {
      boolean[] kept = new boolean[n];
      for (int i = 0; i < n; i++) {
        kept[i] = rng.nextBoolean();
      }
      assertArrayEquals(kept, MaskSet.unpack(MaskSet.pack(kept), n));
    }
    assertThrows(IllegalArgumentException.class, () -> MaskSet.unpack(new byte[2], 17));
    assertThrows(IllegalArgumentException.class,
        () -> MaskSet.unpack(new byte[] {(byte) 0x80}, 7)); // a padding bit is set
  }

  @Test
  void jaccardOfKeptSets() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<PrunableTensor> scope = scope(m);
      boolean[] a = {T, F, T, T, F, F};
      boolean[] b = {F, F, F, T};
      try (MaskSet x = MaskSet.fromSelection(scope, selection(a, b), m);
          MaskSet complement = MaskSet.fromSelection(scope,
              selection(new boolean[] {F, T, F, F, T, T}, new boolean[] {T, T, T, F}), m);
          MaskSet y = MaskSet.fromSelection(scope,
              selection(new boolean[] {T, T, F, T, F, F}, new boolean[] {T, F, F, F}), m)) {
        assertEquals(1.0, x.jaccard(x));
        assertEquals(0.0, x.jaccard(complement));
        // layer0.q: ∩ {0,3}, ∪ {0,1,2,3}; head: ∩ {}, ∪ {0,3}
        assertEquals(2.0 / 6, x.jaccard(y), 1e-12);
        LinkedHashMap<String, Double> per = x.jaccardPerTensor(y);
        assertEquals(List.of("layer0.q", "head"), List.copyOf(per.keySet()));
        assertEquals(0.5, per.get("layer0.q"), 1e-12);
        assertEquals(0.0, per.get("head"), 1e-12);
      }
    }
  }

  @Test
  void rejectsMismatchedScopes() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<PrunableTensor> scope = scope(m);
      LinkedHashMap<String, boolean[]> s = new LinkedHashMap<>();
      s.put("layer0.q", new boolean[6]);
      assertThrows(IllegalArgumentException.class,
          () -> MaskSet.fromSelection(scope, new MaskSelection(s), m));
      s.put("head", new boolean[5]);
      assertThrows(IllegalArgumentException.class,
          () -> MaskSet.fromSelection(scope, new MaskSelection(s), m));
      try (MaskSet masks = MaskSet.dense(scope.subList(0, 1), m)) {
        assertThrows(IllegalArgumentException.class, () -> masks.applyTo(scope));
      }
    }
  }
}
