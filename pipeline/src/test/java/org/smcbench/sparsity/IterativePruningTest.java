package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.select.MaskSelector;
import org.smcbench.train.NoGrad;

/** The round loop's rewind: LTH re-trains from the pre-trained weights, LRR from the last round's. */
class IterativePruningTest {
  private static final float[] PRETRAINED = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f};
  private static final float[] FINETUNED = {-10f, 9f, -8f, 7f, -6f, 5f, -4f, 3f, -2f, 1f};
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** The weights each round's training starts from; training adds 100 to every weight. */
  private List<float[]> roundStarts(String method) throws Exception {
    PrunableTensor t = LiveTensors.tensor(manager, "w", ModuleKind.FFN_IN, 0, FINETUNED.clone(), 10);
    List<PrunableTensor> scope = List.of(t);
    IterativePruning imp = (IterativePruning) SparsityMethods.create(method, Map.of());
    List<float[]> starts = new ArrayList<>();
    imp.runRounds(0.36,
        s -> new PruningContext(scope, s, MaskSelector.Granularity.GLOBAL, 1, 10, manager, GradientProbe.NONE),
        () -> set(t, PRETRAINED),
        (s, context, masks) -> {
          starts.add(t.array().toFloatArray());
          try (NoGrad ignored = NoGrad.enter()) {
            t.array().addi(100f);
          }
        });
    return starts;
  }

  @Test
  void lthRewindsEachRoundToThePretrainedWeights() throws Exception {
    List<float[]> starts = roundStarts("lth");
    // Round 1 prunes round(0.2·10) = 2 smallest |finetuned|: indices 9 (1) and 8 (−2).
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 0, 0}, starts.get(0), 0f);
    // Round 1 trained the rewound weights to pretrained + 100: round 2 prunes 4 in all, the two
    // smallest trained survivors 101 and 102 (indices 0, 1), and rewinds the rest again.
    assertArrayEquals(new float[] {0, 0, 3, 4, 5, 6, 7, 8, 0, 0}, starts.get(1), 0f);
  }

  @Test
  void lrrStartsEachRoundFromTheLastRoundsTrainedWeights() throws Exception {
    List<float[]> starts = roundStarts("lth_lrr");
    assertArrayEquals(new float[] {-10, 9, -8, 7, -6, 5, -4, 3, 0, 0}, starts.get(0), 0f);
    // Round 1 trained the survivors to finetuned + 100 (90, 109, 92, 107, 94, 105, 96, 103): round 2 prunes the two smallest survivors, 90 (index 0) and 92 (index 2), and
    // starts from the others exactly as round 1 left them.
    assertArrayEquals(new float[] {0, 109, 0, 107, 94, 105, 96, 103, 0, 0}, starts.get(1), 0f);
    assertEquals(2, starts.size());
  }

  private static void set(PrunableTensor t, float[] values) {
    try (NoGrad ignored = NoGrad.enter()) {
      t.array().set(java.nio.FloatBuffer.wrap(values));
    }
  }
}
