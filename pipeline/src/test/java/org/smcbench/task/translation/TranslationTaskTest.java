package org.smcbench.task.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.smcbench.task.Batch;

/** Teacher-forcing batches in mBART-50's layout and PyTorch's label-smoothed cross-entropy. */
class TranslationTaskTest {

  @Test
  void decoderInputIsEosThenTheTargetShiftedRight() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Batch batch = TranslationTask.teacherForcing(new int[][] {{30, 5, 6, 2}, {31, 7, 2}},
          new int[][] {{31, 8, 2}, {30, 9, 10, 2}}, manager);
      assertArrayEquals(new long[] {30, 5, 6, 2, 31, 7, 2, 1}, batch.inputs().get(0).toLongArray());
      assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 0}, batch.inputs().get(1).toFloatArray());
      assertArrayEquals(new long[] {2, 31, 8, 1, 2, 30, 9, 10}, batch.inputs().get(2).toLongArray());
      assertArrayEquals(new long[] {31, 8, 2, 1, 30, 9, 10, 2}, batch.labels().toLongArray());
    }
  }

  /**
   * Values from {@code torch.nn.CrossEntropyLoss(label_smoothing=eps, ignore_index=1)} (torch 2.13)
   * on the same logits and labels: 1.4333305 at eps 0, 1.4749972 at eps 0.1.
   */
  @Test
  void labelSmoothedLossEqualsPyTorch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray logits = manager.create(new float[] {
          0.5f, -1.0f, 2.0f, 0.1f, 1.5f, 0.2f, -0.3f, 0.0f, 0.0f, 0.0f, 0.0f, 3.0f,
          2.0f, 1.0f, 0.0f, -1.0f, 0.3f, 0.3f, 0.3f, 0.3f, 1.0f, 2.0f, 3.0f, 4.0f}, new ai.djl.ndarray.types.Shape(2, 3, 4));
      NDArray labels = manager.create(new long[][] {{2, 0, 1}, {3, 1, 1}});
      assertEquals(1.4333305358886719, TranslationTask.smoothedLoss(logits, labels, 0.0).getFloat(), 1e-6);
      assertEquals(1.4749971628189087, TranslationTask.smoothedLoss(logits, labels, 0.1).getFloat(), 1e-6);
    }
  }
}
