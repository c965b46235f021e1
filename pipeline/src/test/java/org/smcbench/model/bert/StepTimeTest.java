package org.smcbench.model.bert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not bound) one forward + backward of the 2-layer multiple-choice model at the
 * CommonsenseQA training shape: 8 questions x 5 choices x 48 tokens.
 */
class StepTimeTest {

  @Test
  void forwardBackwardTwoLayersAtBatch8x5x48() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MultipleChoiceModel model = new MultipleChoiceModel(BertConfig.miniLmL6().withLayers(2), 5);
      model.initializeParameters(manager);
      NDList inputs = MultipleChoiceModelTest.randomChoices(manager, 8, 5, 48, 3);
      int steps = 6;
      long[] forwardMs = new long[steps];
      long[] totalMs = new long[steps];
      for (int i = 0; i < steps; i++) {
        try (NDManager step = manager.newSubManager();
            GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          long start = System.nanoTime();
          NDArray logits = model.forward(new ParameterStore(step, false), inputs, true).singletonOrThrow();
          NDArray loss = logits.logSoftmax(1).get(":, 0").neg().mean();
          forwardMs[i] = (System.nanoTime() - start) / 1_000_000;
          collector.backward(loss);
          totalMs[i] = (System.nanoTime() - start) / 1_000_000;
          assertTrue(Float.isFinite(loss.getFloat()));
        }
      }
      long[] warm = Arrays.copyOfRange(totalMs, 1, steps);
      long[] warmForward = Arrays.copyOfRange(forwardMs, 1, steps);
      Arrays.sort(warm);
      Arrays.sort(warmForward);
      System.out.printf("MC model L2, 8x5x48, forward+backward: median %d ms (forward %d ms), steps %s ms%n",
          warm[warm.length / 2], warmForward[warmForward.length / 2], Arrays.toString(totalMs));
    }
  }
}
