package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.score.SnipScorer;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.sparsity.select.MaskSelector;

/** The paper's methods on small hand-made tensors, with values worked out by hand. */
class MethodsTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private List<PrunableTensor> scope(float[] a, float[] b) {
    return List.of(
        LiveTensors.tensor(manager, "a.weight", ModuleKind.ATTN_Q, 0, a, 2, a.length / 2),
        LiveTensors.tensor(manager, "b.weight", ModuleKind.FFN_IN, 0, b, b.length));
  }

  private PruningContext context(List<PrunableTensor> scope, double sparsity, int steps, GradientProbe probe) {
    return new PruningContext(scope, sparsity, MaskSelector.Granularity.GLOBAL, 7, steps, manager, probe);
  }

  @Test
  void ompBeforeKeepsTheLargestMagnitudesGlobally() {
    List<PrunableTensor> scope = scope(new float[] {0.1f, -0.9f, 0.3f, -0.05f}, new float[] {0.5f, -0.2f});
    SparsityMethod omp = SparsityMethods.create("omp_before", Map.of());
    assertEquals(StartPoint.PRETRAINED, omp.startPoint());
    assertEquals(Timing.BEFORE, omp.timing());
    MaskSet masks = omp.initialMasks(context(scope, 0.5, 10, GradientProbe.NONE)).orElseThrow();
    masks.applyTo(scope);
    assertArrayEquals(new float[] {0f, -0.9f, 0.3f, 0f}, scope.get(0).array().toFloatArray(), 0f);
    assertArrayEquals(new float[] {0.5f, 0f}, scope.get(1).array().toFloatArray(), 0f);
  }

  /** Any one-shot method's scores as a 2:4 mask: OMP keeps the 2 largest magnitudes of every 4 along a row. */
  @Test
  void ompAfterUnderTwoFourKeepsTheTwoLargestOfEveryFour() {
    List<PrunableTensor> scope = List.of(
        LiveTensors.tensor(manager, "a.weight", ModuleKind.ATTN_Q, 0,
            new float[] {0.1f, -0.9f, 0.3f, -0.05f, 1f, 2f, -3f, 0.5f}, 2, 4),
        LiveTensors.tensor(manager, "b.weight", ModuleKind.FFN_IN, 0,
            new float[] {-4f, 0.2f, 0.1f, 0.3f, 0.01f, 0.02f, 0.03f, -0.04f}, 1, 8));
    PruningContext context = PruningContext.of(scope, 0.5, "2:4", 7, 10, manager, GradientProbe.NONE);
    MaskSet masks = SparsityMethods.create("omp_after", Map.of()).initialMasks(context).orElseThrow();
    assertArrayEquals(new boolean[] {false, true, true, false, false, true, true, false},
        masks.selection().mask("a.weight"));
    assertArrayEquals(new boolean[] {true, false, false, true, false, false, true, true},
        masks.selection().mask("b.weight"));
    assertEquals(8, masks.kept());
  }

  @Test
  void snipScoresAreAbsoluteGradientTimesWeight() {
    List<PrunableTensor> scope = scope(new float[] {1f, -2f, 3f, -4f}, new float[] {0.5f, 8f});
    GradientProbe probe = batches -> {
      assertEquals(3, batches);
      LinkedHashMap<String, float[]> g = new LinkedHashMap<>();
      g.put("a.weight", new float[] {0.5f, 0.25f, -1f, 0f});
      g.put("b.weight", new float[] {-4f, 0.01f});
      return g;
    };
    LinkedHashMap<String, float[]> scores = new SnipScorer(probe, 3).score(scope);
    assertArrayEquals(new float[] {0.5f, 0.5f, 3f, 0f}, scores.get("a.weight"));
    assertArrayEquals(new float[] {2f, 0.08f}, scores.get("b.weight"), 1e-7f);
    SparsityMethod snip = SparsityMethods.create("snip", Map.of("calibration-batches", 3));
    MaskSet masks = snip.initialMasks(context(scope, 0.5, 10, probe)).orElseThrow();
    // Keep the 3 largest of {0.5, 0.5, 3, 0, 2, 0.08}: 3, 2, and the first 0.5 in scope order.
    MaskSelection kept = masks.selection();
    assertArrayEquals(new boolean[] {false, true, true, false}, kept.mask("a.weight"));
    assertArrayEquals(new boolean[] {true, false}, kept.mask("b.weight"));
  }

  @Test
  void snipGradientsComeFromARealBackwardPass() {
    List<PrunableTensor> scope = scope(new float[] {1f, -2f, 3f, -4f}, new float[] {0.5f, 8f});
    // loss = sum(a^2) + 3 * sum(b): dL/da = 2a, dL/db = 3.
    GradientProbe probe = batches -> {
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        collector.backward(scope.get(0).array().square().sum().add(scope.get(1).array().sum().mul(3)));
      }
      LinkedHashMap<String, float[]> g = new LinkedHashMap<>();
      for (PrunableTensor t : scope) {
        g.put(t.name(), t.array().getGradient().toFloatArray());
      }
      return g;
    };
    LinkedHashMap<String, float[]> scores = new SnipScorer(probe, 1).score(scope);
    assertArrayEquals(new float[] {2f, 8f, 18f, 32f}, scores.get("a.weight"));
    assertArrayEquals(new float[] {1.5f, 24f}, scores.get("b.weight"));
  }

  @Test
  void gmpReachesEachScheduledSparsityExactly() {
    float[] a = new float[40];
    float[] b = new float[20];
    Random r = new Random(3);
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) r.nextGaussian();
    }
    List<PrunableTensor> scope = scope(a, b);
    SparsityMethod gmp = SparsityMethods.create("gmp", Map.of("frequency", 2));
    PruningContext context = context(scope, 0.5, 20, GradientProbe.NONE);
    MaskSet masks = gmp.initialMasks(context).orElseThrow();
    assertEquals(0, masks.numel() - masks.kept());
    CubicSchedule schedule = CubicSchedule.of(0.5, 20, 0.1, 0.8, 2);
    for (int step = 1; step <= 20; step++) {
      gmp.afterOptimizerStep(context, masks, step);
      if (schedule.isPruningStep(step)) {
        assertEquals(Math.round(schedule.sparsityAt(step) * 60), masks.numel() - masks.kept(), "step " + step);
      }
    }
    assertEquals(30, masks.numel() - masks.kept());
    long zeros = 0;
    for (PrunableTensor t : scope) {
      for (float v : t.array().toFloatArray()) {
        zeros += v == 0f ? 1 : 0;
      }
    }
    assertEquals(30, zeros);
  }

  @Test
  void riglDropFractionIsCosineAnnealed() {
    assertEquals(0.3, RigL.dropFraction(0, 100, 0.3), 1e-12);
    assertEquals(0.15, RigL.dropFraction(50, 100, 0.3), 1e-12);
    assertEquals(0.3 / 2 * (1 + Math.cos(Math.PI * 0.25)), RigL.dropFraction(25, 100, 0.3), 1e-12);
    assertEquals(0.0, RigL.dropFraction(100, 100, 0.3));
  }

  @Test
  void riglMovesTheExpectedWeightsAndKeepsCounts() {
    LinkedHashMap<String, float[]> w = new LinkedHashMap<>();
    w.put("t", new float[] {0.5f, 0.1f, 0f, 0.9f, 0f, 0.3f, 0f, -0.7f});
    LinkedHashMap<String, float[]> g = new LinkedHashMap<>();
    g.put("t", new float[] {9f, 9f, 0.7f, 9f, -0.2f, 9f, -0.9f, 9f});
    LinkedHashMap<String, boolean[]> kept = new LinkedHashMap<>();
    kept.put("t", new boolean[] {true, true, false, true, false, true, false, true});
    // 5 active, fraction 0.4 -> move 2: drop |w| 0.1 and 0.3, grow |g| 0.9 and 0.7.
    MaskSelection next = RigL.regrow(w, g, new MaskSelection(kept), 0.4);
    assertArrayEquals(new boolean[] {true, false, true, true, false, false, true, true}, next.mask("t"));
    assertEquals(5, next.kept("t"));
  }

  @Test
  void riglGrowsOnlyWhereTheGradientIsNonZero() {
    LinkedHashMap<String, float[]> w = new LinkedHashMap<>();
    w.put("t", new float[] {0.5f, 0.1f, 0f, 0.9f, 0f, 0.3f});
    LinkedHashMap<String, float[]> g = new LinkedHashMap<>();
    g.put("t", new float[] {1f, 1f, 0.7f, 1f, 0f, 1f});
    LinkedHashMap<String, boolean[]> kept = new LinkedHashMap<>();
    kept.put("t", new boolean[] {true, true, false, true, false, true});
    // 4 active, fraction 0.5 -> 2 wanted, but only one inactive weight has a gradient: move 1.
    MaskSelection next = RigL.regrow(w, g, new MaskSelection(kept), 0.5);
    assertArrayEquals(new boolean[] {true, false, true, true, false, true}, next.mask("t"));
  }

  @Test
  void riglUpdatesOnlyAtIntervalsBeforeTheEnd() {
    float[] a = {0.5f, 0.1f, 0.9f, 0.3f};
    float[] b = {0.2f, 0.8f};
    List<PrunableTensor> scope = scope(a, b);
    SparsityMethod rigl = SparsityMethods.create("rigl_omp", Map.of("update-interval", 2, "alpha", 1.0));
    PruningContext context = context(scope, 0.5, 8, GradientProbe.NONE);
    MaskSet masks = rigl.initialMasks(context).orElseThrow();
    masks.applyTo(scope);
    boolean[] before = masks.selection().mask("a.weight").clone();
    // Dense gradients favour the pruned entries of a.
    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
      collector.backward(scope.get(0).array().mul(manager.create(new float[] {0f, 5f, 0f, 4f}).reshape(2, 2)).sum()
          .add(scope.get(1).array().sum().mul(0)));
    }
    rigl.beforeOptimizerStep(context, masks, 1);
    assertArrayEquals(before, masks.selection().mask("a.weight"), "no update off the interval");
    rigl.beforeOptimizerStep(context, masks, 2);
    assertEquals(3, masks.kept());
    assertFalse(java.util.Arrays.equals(before, masks.selection().mask("a.weight")));
    assertTrue(masks.selection().mask("a.weight")[1], "the largest-gradient pruned weight grew back");
  }

  @Test
  void impRoundsReachOneMinusPointEightToTheK() {
    IterativePruning imp = (IterativePruning) SparsityMethods.create("lth", Map.of());
    List<Double> rounds = imp.roundSparsities(0.5904);
    assertEquals(4, rounds.size());
    assertEquals(List.of(0.2, 0.36, 0.488, 0.5904), rounds);
    assertEquals(0.7902848, imp.roundSparsities(0.7902848).get(6));
    assertThrows(IllegalArgumentException.class, () -> imp.roundSparsities(0.5));
    float[] a = new float[50];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i % 7 - 3) * 0.1f + i * 0.001f;
    }
    List<PrunableTensor> scope = scope(a, new float[] {0.05f, -0.05f, 1f, 2f, 3f, -4f, 5f, 6f, 7f, 8f});
    MaskSet masks = null;
    boolean[] prunedBefore = null;
    for (double s : rounds) {
      masks = imp.nextMasks(context(scope, s, 10, GradientProbe.NONE), masks);
      assertEquals(Math.round(s * 60), masks.numel() - masks.kept());
      boolean[] keptNow = masks.selection().mask("a.weight");
      if (prunedBefore != null) {
        for (int i = 0; i < keptNow.length; i++) {
          assertFalse(prunedBefore[i] && keptNow[i], "a pruned weight came back at " + i);
        }
      }
      prunedBefore = new boolean[keptNow.length];
      for (int i = 0; i < keptNow.length; i++) {
        prunedBefore[i] = !keptNow[i];
      }
      masks.applyTo(scope);
    }
  }
}
