package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.score.MagnitudeScorer;
import org.smcbench.sparsity.select.MaskSelector;
import org.smcbench.sparsity.select.MaskSelector.Granularity;
import org.smcbench.train.AdamW;
import org.smcbench.train.NoGrad;
import org.smcbench.train.StepHook;

/** Movement pruning on small live tensors with hand-fed gradients, driven as the training loop drives it. */
class MovementPruningTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void scoresAreMinusTheSumOfGradientTimesWeight() {
    List<PrunableTensor> scope = List.of(
        LiveTensors.tensor(manager, "a.weight", ModuleKind.ATTN_Q, 0, new float[] {1f, -2f, 0.5f, 4f}, 2, 2),
        LiveTensors.tensor(manager, "b.weight", ModuleKind.FFN_IN, 0, new float[] {3f, -1f}, 2));
    try (MovementScores scores = new MovementScores(scope, manager)) {
      feed(scope, new float[] {0.5f, 1f, -2f, 0.25f}, new float[] {1f, -1f});
      scores.accumulate();
      set(scope.get(0), 2f, -1f, 0.5f, 0f); // an update between steps: the next products use the new weights
      set(scope.get(1), 3f, -1.5f);
      feed(scope, new float[] {1f, 1f, 1f, 1f}, new float[] {0.5f, 2f});
      scores.accumulate();
      feed(scope, new float[] {-0.25f, 0f, 4f, 8f}, new float[] {-2f, 0f});
      scores.accumulate();
      LinkedHashMap<String, float[]> s = scores.host();
      // a: −(1·0.5 + 2·1 + 2·(−0.25)) = −2, −(−2·1 + −1·1 + −1·0) = 3, −(0.5·−2 + 0.5·1 + 0.5·4) = −1.5,
      //    −(4·0.25 + 0·1 + 0·8) = −1
      assertArrayEquals(new float[] {-2f, 3f, -1.5f, -1f}, s.get("a.weight"), 0f);
      // b: −(3·1 + 3·0.5 + 3·(−2)) = 1.5, −(−1·−1 + −1.5·2 + −1.5·0) = 2
      assertArrayEquals(new float[] {1.5f, 2f}, s.get("b.weight"), 0f);
      assertEquals(List.of("a.weight", "b.weight"), List.copyOf(s.keySet()));
    }
  }

  @Test
  void eachEventKeepsExactlyTheTopScoresAtTheScheduledCount() {
    for (Granularity granularity : Granularity.values()) {
      Random r = new Random(11);
      List<PrunableTensor> scope = List.of(
          LiveTensors.tensor(manager, "a.weight", ModuleKind.ATTN_Q, 0, gaussian(r, 16), 2, 8),
          LiveTensors.tensor(manager, "b.weight", ModuleKind.FFN_IN, 0, gaussian(r, 8), 8));
      // 10 steps, start 0.1, end 0.7, every 2 steps: events at 1, 3, 5 and t1 = 7.
      PruningContext context = new PruningContext(scope, 0.5, granularity, 7, 10, manager, GradientProbe.NONE);
      SparsityMethod movement = SparsityMethods.create("movement", Map.of("frequency", 2, "end", 0.7));
      MaskSet masks = movement.initialMasks(context).orElseThrow();
      StepHook hook = movement.stepHook(context, masks);
      float[][] expected = {new float[16], new float[8]};
      Map<Integer, long[]> prunedAt = granularity == Granularity.GLOBAL
          ? Map.of(1, new long[] {0}, 3, new long[] {8}, 5, new long[] {12}, 7, new long[] {12})
          // per tensor: round(s·16), round(s·8) with s = 0, 0.352, 0.481, 0.5
          : Map.of(1, new long[] {0, 0}, 3, new long[] {6, 3}, 5, new long[] {8, 4}, 7, new long[] {8, 4});
      for (int step = 1; step <= 10; step++) {
        float[][] g = {gaussian(r, 16), gaussian(r, 8)};
        feed(scope, g[0], g[1]);
        for (int t = 0; t < 2; t++) {
          float[] w = scope.get(t).array().toFloatArray();
          for (int i = 0; i < w.length; i++) {
            expected[t][i] -= g[t][i] * w[i];
          }
        }
        hook.beforeOptimizerStep(step);
        hook.afterOptimizerStep(step);
        long[] counts = prunedAt.get(step);
        if (counts != null) {
          boolean[][] top = granularity == Granularity.GLOBAL
              ? topGlobal(expected, counts[0])
              : new boolean[][] {top(expected[0], counts[0]), top(expected[1], counts[1])};
          assertArrayEquals(top[0], masks.selection().mask("a.weight"), granularity + " step " + step);
          assertArrayEquals(top[1], masks.selection().mask("b.weight"), granularity + " step " + step);
        }
      }
      assertEquals(12, masks.numel() - masks.kept());
    }
  }

  @Test
  void aWeightMovingTowardZeroIsPrunedWhereMagnitudeWouldKeepIt() {
    // w·g > 0 moves w toward zero under descent: 0.9 shrinks; 0.2, 1.5 and −0.6 grow.
    PrunableTensor t = LiveTensors.tensor(manager, "t.weight", ModuleKind.FFN_OUT, 0,
        new float[] {0.9f, 0.2f, 1.5f, -0.6f}, 4);
    List<PrunableTensor> scope = List.of(t);
    float[] gradient = {0.5f, -1f, -0.2f, 0.3f};
    // 4 steps, start 0, end 0.75, every step: events at 1, 2 and 3, each pruning round(s·4) = 1.
    PruningContext context = new PruningContext(scope, 0.25, Granularity.GLOBAL, 7, 4, manager, GradientProbe.NONE);
    SparsityMethod movement = SparsityMethods.create("movement", Map.of("frequency", 1, "start", 0.0, "end", 0.75));
    MaskSet masks = movement.initialMasks(context).orElseThrow();
    StepHook hook = movement.stepHook(context, masks);
    float[] atFirstEvent = null;
    try (AdamW adam = AdamW.builder().weightDecay(0).build()) {
      for (int step = 1; step <= 3; step++) {
        feed(scope, gradient);
        hook.beforeOptimizerStep(step);
        adam.step(Map.of("t.weight", t.parameter()), 0.01f);
        if (step == 1) {
          atFirstEvent = t.array().toFloatArray();
        }
        hook.afterOptimizerStep(step);
      }
    }
    assertArrayEquals(new boolean[] {false, true, true, true}, masks.selection().mask("t.weight"));
    float[] w = t.array().toFloatArray();
    assertTrue(w[0] == 0f && w[1] > 0.2f && w[2] > 1.5f, "pruned, and moved away from zero: " + Arrays.toString(w));
    // GMP at the same event, magnitude on the same weights, prunes the smallest, 0.2's, instead.
    List<PrunableTensor> same = List.of(LiveTensors.tensor(manager, "t.weight", ModuleKind.FFN_OUT, 0, atFirstEvent, 4));
    assertArrayEquals(new boolean[] {true, false, true, true},
        MaskSelector.select(new MagnitudeScorer().score(same), 0.25).mask("t.weight"));
  }

  @Test
  void aPrunedWeightsScoreIsFrozenAndItReturnsAtZeroWhenOthersFallBelowIt() {
    PrunableTensor t = LiveTensors.tensor(manager, "t.weight", ModuleKind.FFN_OUT, 0, new float[] {0.5f, 1f, 1f, 1f}, 4);
    List<PrunableTensor> scope = List.of(t);
    // 4 steps, start 0, end 1, every step: round(s·4) pruned = 1 at step 1, 2 at step 2.
    PruningContext context = new PruningContext(scope, 0.5, Granularity.GLOBAL, 7, 4, manager, GradientProbe.NONE);
    SparsityMethod movement = SparsityMethods.create("movement", Map.of("frequency", 1, "start", 0.0, "end", 1.0));
    MaskSet masks = movement.initialMasks(context).orElseThrow();
    StepHook hook = movement.stepHook(context, masks);
    feed(scope, new float[] {1f, 0f, 0f, 0f}); // scores −0.5, 0, 0, 0
    hook.beforeOptimizerStep(1);
    hook.afterOptimizerStep(1);
    assertArrayEquals(new boolean[] {false, true, true, true}, masks.selection().mask("t.weight"));
    // The pruned weight is 0, so its large gradient adds nothing: scores −0.5, −1, −1, 0.
    feed(scope, new float[] {5f, 1f, 1f, 0f});
    hook.beforeOptimizerStep(2);
    hook.afterOptimizerStep(2);
    assertArrayEquals(new boolean[] {true, false, false, true}, masks.selection().mask("t.weight"));
    assertArrayEquals(new float[] {0f, 0f, 0f, 1f}, t.array().toFloatArray(), 0f);
  }

  @Test
  void trainingReachesTheTargetExactlyAndFreesTheScoresAfterTheLastEvent() {
    for (Granularity granularity : Granularity.values()) {
      Random r = new Random(5);
      List<PrunableTensor> scope = List.of(
          LiveTensors.tensor(manager, "a.weight", ModuleKind.ATTN_Q, 0, gaussian(r, 30), 5, 6),
          LiveTensors.tensor(manager, "b.weight", ModuleKind.FFN_IN, 0, gaussian(r, 20), 20));
      float[][] targets = {gaussian(r, 30), gaussian(r, 20)};
      Map<String, Parameter> parameters = new LinkedHashMap<>();
      scope.forEach(p -> parameters.put(p.name(), p.parameter()));
      // 12 steps, start 0.1, end 0.8, every 2 steps: events at 1, 3, 5, 7, 9 and t1 = 10.
      PruningContext context = new PruningContext(scope, 0.6, granularity, 7, 12, manager, GradientProbe.NONE);
      SparsityMethod movement = SparsityMethods.create("movement", Map.of("frequency", 2));
      MaskSet masks = movement.initialMasks(context).orElseThrow();
      StepHook hook = movement.stepHook(context, masks);
      int[] arrays = new int[13];
      try (AdamW adam = AdamW.builder().build()) {
        for (int step = 1; step <= 12; step++) {
          // loss Σ (c − w)², temporaries in the step's manager
          try (NDManager stepManager = manager.newSubManager();
              GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray loss = stepManager.create(targets[0]).reshape(5, 6).sub(scope.get(0).array()).square().sum()
                .add(stepManager.create(targets[1]).sub(scope.get(1).array()).square().sum());
            collector.backward(loss);
          }
          hook.beforeOptimizerStep(step);
          adam.step(parameters, 0.05f);
          hook.afterOptimizerStep(step);
          arrays[step] = manager.getManagedArrays().size();
        }
      }
      assertEquals(arrays[9] - 2, arrays[10], granularity + ": the two score arrays are freed at t1");
      assertEquals(arrays[10], arrays[12], granularity + ": nothing accumulates after t1");
      assertEquals(30, masks.numel() - masks.kept(), granularity.toString());
      long[] zeros = {count0(scope.get(0)), count0(scope.get(1))};
      if (granularity == Granularity.GLOBAL) {
        assertEquals(30, zeros[0] + zeros[1]);
      } else {
        assertArrayEquals(new long[] {18, 12}, zeros);
      }
    }
  }

  @Test
  void registeredAsADuringMethodWithGmpsDefaults() {
    SparsityMethod movement = SparsityMethods.create("movement", Map.of());
    assertEquals("movement", movement.name());
    assertEquals(Timing.DURING, movement.timing());
    assertEquals(StartPoint.PRETRAINED, movement.startPoint());
    assertFalse(movement.prunesOnceFromScores(), "N:M refuses it, as it does GMP");
    CubicSchedule schedule = ((Movement) movement).schedule(
        new PruningContext(List.of(), 0.5, Granularity.GLOBAL, 7, 1000, manager, GradientProbe.NONE));
    assertEquals(new CubicSchedule(0.0, 0.5, 100, 800, 500), schedule);
    assertThrows(IllegalArgumentException.class, () -> SparsityMethods.create("movement", Map.of("start", 0.9)));
    assertThrows(IllegalStateException.class, () -> movement.afterOptimizerStep(null, null, 1));
  }

  /** Sets each tensor's gradient to the given values: the gradient of Σ c ⊙ w, after zeroing the last one. */
  private void feed(List<PrunableTensor> scope, float[]... gradients) {
    try (NoGrad ignored = NoGrad.enter()) {
      for (PrunableTensor t : scope) {
        PtNDArray w = (PtNDArray) t.array();
        PtNDArray g = JniUtils.getGradient(w);
        if (g != null) {
          g.close();
          JniUtils.zeroGrad(w);
        }
      }
    }
    try (NDManager stepManager = manager.newSubManager();
        GradientCollector collector = manager.getEngine().newGradientCollector()) {
      NDArray loss = null;
      for (int i = 0; i < scope.size(); i++) {
        NDArray w = scope.get(i).array();
        NDArray term = stepManager.create(gradients[i], w.getShape()).mul(w).sum();
        loss = loss == null ? term : loss.add(term);
      }
      collector.backward(loss);
    }
  }

  private static void set(PrunableTensor t, float... values) {
    try (NoGrad ignored = NoGrad.enter()) {
      t.array().set(values);
    }
  }

  private static float[] gaussian(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static long count0(PrunableTensor t) {
    long zeros = 0;
    for (float v : t.array().toFloatArray()) {
      zeros += v == 0f ? 1 : 0;
    }
    return zeros;
  }

  /** Kept flags of one array: all but its {@code pruned} lowest scores (no ties in these seeded values). */
  private static boolean[] top(float[] scores, long pruned) {
    return topGlobal(new float[][] {scores}, pruned)[0];
  }

  private static boolean[][] topGlobal(float[][] scores, long pruned) {
    float[] all = new float[Arrays.stream(scores).mapToInt(s -> s.length).sum()];
    int k = 0;
    for (float[] s : scores) {
      for (float v : s) {
        all[k++] = v;
      }
    }
    float[] sorted = all.clone();
    Arrays.sort(sorted);
    float threshold = pruned == 0 ? Float.NEGATIVE_INFINITY : sorted[(int) pruned - 1];
    boolean[][] kept = new boolean[scores.length][];
    for (int t = 0; t < scores.length; t++) {
      kept[t] = new boolean[scores[t].length];
      for (int i = 0; i < scores[t].length; i++) {
        kept[t][i] = scores[t][i] > threshold;
      }
    }
    return kept;
  }
}
