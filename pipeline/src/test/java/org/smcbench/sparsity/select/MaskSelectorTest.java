package org.smcbench.sparsity.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smcbench.sparsity.select.MaskSelector.Granularity;

class MaskSelectorTest {

  private static final boolean T = true;
  private static final boolean F = false;

  /** "a" is a 2×3 tensor (row-major), "b" a 4-vector. */
  private static LinkedHashMap<String, float[]> scores(float[] a, float[] b) {
    LinkedHashMap<String, float[]> s = new LinkedHashMap<>();
    s.put("a", a);
    s.put("b", b);
    return s;
  }

  @Test
  void globalPrunesTheSmallestOverAllTensors() {
    var s = scores(new float[] {0.9f, 0.1f, 0.5f, 0.3f, 0.7f, 0.2f},
        new float[] {0.01f, 0.02f, 0.03f, 0.8f});
    MaskSelection m = MaskSelector.select(s, 0.5);
    // the five lowest: 0.01 0.02 0.03 (b) then 0.1 0.2 (a)
    assertArrayEquals(new boolean[] {T, F, T, T, T, F}, m.mask("a"));
    assertArrayEquals(new boolean[] {F, F, F, T}, m.mask("b"));
    assertEquals(5, m.pruned());
    assertEquals(0.5, m.sparsity());
  }

  @Test
  void layerwisePrunesTheSameFractionOfEachTensor() {
    var s = scores(new float[] {0.9f, 0.1f, 0.5f, 0.3f, 0.7f, 0.2f},
        new float[] {0.01f, 0.02f, 0.03f, 0.8f});
    MaskSelection m = MaskSelector.select(s, 0.5, Granularity.LAYERWISE);
    assertArrayEquals(new boolean[] {T, F, T, F, T, F}, m.mask("a"));
    assertArrayEquals(new boolean[] {F, F, T, T}, m.mask("b"));
  }

  @Test
  void tiesAreBrokenByScopeOrderThenIndex() {
    var s = scores(new float[] {2, 1, 1, 3, 1, 2}, new float[] {1, 0, 1, 5});
    MaskSelection m = MaskSelector.select(s, 0.5);
    // 0 (b[1]) is below the threshold 1; four of the five 1s go: a[1], a[2], a[4], then b[0]
    assertArrayEquals(new boolean[] {T, F, F, T, F, T}, m.mask("a"));
    assertArrayEquals(new boolean[] {F, F, T, T}, m.mask("b"));
    assertEquals(5, m.pruned());
  }

  @Test
  void signedZerosTieAsOneValue() {
    LinkedHashMap<String, float[]> s = new LinkedHashMap<>();
    s.put("z", new float[] {1f, -0.0f, 0.0f, -0.0f});
    MaskSelection m = MaskSelector.select(s, 0.5);
    assertArrayEquals(new boolean[] {T, F, F, T}, m.mask("z"));
  }

  @Test
  void countIsExactForEverySparsityWithHeavyTies() {
    SplittableRandom rng = new SplittableRandom(3);
    LinkedHashMap<String, float[]> s = new LinkedHashMap<>();
    for (int t = 0; t < 5; t++) {
      float[] v = new float[rng.nextInt(1, 400)];
      for (int i = 0; i < v.length; i++) {
        v[i] = rng.nextInt(0, 7) * 0.5f;
      }
      s.put("t" + t, v);
    }
    long n = s.values().stream().mapToLong(v -> v.length).sum();
    for (int k = 0; k <= 10; k++) {
      double sp = 1 - Math.pow(0.8, k);
      assertEquals(Math.round(sp * n), MaskSelector.select(s, sp).pruned(), "s = " + sp);
      MaskSelection lw = MaskSelector.select(s, sp, Granularity.LAYERWISE);
      for (var e : s.entrySet()) {
        long pruned = e.getValue().length - MaskSelection.countTrue(lw.mask(e.getKey()));
        assertEquals(Math.round(sp * e.getValue().length), pruned, e.getKey() + " s = " + sp);
      }
    }
    assertEquals(3, MaskSelector.prunedCount(10, 0.25)); // half rounds up
    assertEquals(0, MaskSelector.select(s, 0.0).pruned());
  }

  @Test
  void prunedEntriesStayPrunedWhenACurrentMaskIsGiven() {
    var first = scores(new float[] {0.9f, 0.1f, 0.5f, 0.3f, 0.7f, 0.2f},
        new float[] {0.01f, 0.02f, 0.03f, 0.8f});
    MaskSelection current = MaskSelector.select(first, 0.5);
    // New scores revive b[0..2] and a[1], a[5] strongly; they must stay pruned anyway.
    var second = scores(new float[] {0.9f, 50f, 0.5f, 0.3f, 0.7f, 60f},
        new float[] {100f, 100f, 100f, 0.8f});
    MaskSelection next = MaskSelector.select(second, 0.7, Granularity.GLOBAL, current);
    // 7 pruned: the 5 already pruned, then the two lowest kept scores 0.3 (a[3]) and 0.5 (a[2])
    assertArrayEquals(new boolean[] {T, F, F, F, T, F}, next.mask("a"));
    assertArrayEquals(new boolean[] {F, F, F, T}, next.mask("b"));
    assertEquals(7, next.pruned());

    MaskSelection same = MaskSelector.select(second, 0.5, Granularity.GLOBAL, current);
    assertArrayEquals(current.mask("a"), same.mask("a"));
    assertArrayEquals(current.mask("b"), same.mask("b"));
    assertThrows(IllegalArgumentException.class,
        () -> MaskSelector.select(second, 0.3, Granularity.GLOBAL, current));
  }

  @Test
  void layerwiseWithCurrentMaskKeepsPrunedAndCountsPerTensor() {
    var s = scores(new float[] {6, 5, 4, 3, 2, 1}, new float[] {1, 2, 3, 4});
    LinkedHashMap<String, boolean[]> cur = new LinkedHashMap<>();
    cur.put("a", new boolean[] {F, T, T, T, T, T});
    cur.put("b", new boolean[] {T, T, T, F});
    MaskSelection next =
        MaskSelector.select(s, 0.5, Granularity.LAYERWISE, new MaskSelection(cur));
    assertArrayEquals(new boolean[] {F, T, T, T, F, F}, next.mask("a"));
    assertArrayEquals(new boolean[] {F, T, T, F}, next.mask("b"));
  }

  @Test
  void rejectsBadInput() {
    var s = scores(new float[] {1, Float.NaN}, new float[] {2, 3});
    assertThrows(IllegalArgumentException.class, () -> MaskSelector.select(s, 0.5));
    assertThrows(IllegalArgumentException.class, () -> MaskSelector.select(s, 1.0));
    assertThrows(IllegalArgumentException.class, () -> MaskSelector.select(s, -0.1));
    LinkedHashMap<String, boolean[]> wrong = new LinkedHashMap<>();
    wrong.put("b", new boolean[2]);
    wrong.put("a", new boolean[2]);
    assertThrows(IllegalArgumentException.class, () -> MaskSelector.select(
        scores(new float[] {1, 2}, new float[] {3, 4}), 0.5, Granularity.GLOBAL,
        new MaskSelection(wrong)));
    assertFalse(MaskSelector.select(scores(new float[] {1, 2}, new float[] {3, 4}), 0.5)
        .mask("a")[0]);
  }
}
