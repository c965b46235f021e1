package org.smcbench.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.data.protein.EsmAlphabet;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;

/** Held-out masked-LM evaluation against counts taken from the task's own batch. */
class MlmEvaluationTest {
  /** Always predicts one token, whatever the input. */
  private record Constant(int token) implements TrainableModel {
    @Override
    public NDList forward(ParameterStore store, NDList inputs, boolean training) {
      Shape ids = inputs.get(0).getShape();
      NDManager m = inputs.get(0).getManager();
      NDArray logits = m.zeros(new Shape(ids.get(0), ids.get(1), EsmAlphabet.SIZE), DataType.FLOAT32);
      logits.set(new NDIndex("..., {}", token), 5f);
      return new NDList(logits);
    }

    @Override
    public LinkedHashMap<String, Parameter> namedParameters() {
      return new LinkedHashMap<>();
    }

    @Override
    public List<PrunableTensor> prunableScope() {
      return List.of();
    }
  }

  @Test
  void accuracyIsTheShareOfMaskedLabelsPredicted() {
    int[][] tokens = new int[12][];
    for (int i = 0; i < tokens.length; i++) {
      // Mostly L, some K and E.
      tokens[i] = EsmAlphabet.encode("MLLLLLLKKELLLLKLLLELLKLL".substring(0, 10 + i), 0);
    }
    MlmData data = new MlmData(tokens, 0.3, 5, true, 0);
    MlmTask task = new MlmTask();
    int l = EsmAlphabet.encode("L", 0)[1];
    int k = EsmAlphabet.encode("K", 0)[1];
    try (NDManager manager = NDManager.newBaseManager()) {
      // The same fixed masks the evaluation draws, in one batch of everything.
      int[] all = new int[tokens.length];
      Arrays.setAll(all, i -> i);
      long[] labels = task.batch(data, all, null, manager).labels().toLongArray();
      long masked = 0;
      long ls = 0;
      long ks = 0;
      for (long label : labels) {
        if (label >= 0) {
          masked++;
          ls += label == l ? 1 : 0;
          ks += label == k ? 1 : 0;
        }
      }
      Map<String, Double> alwaysL = task.evaluate(new Constant(l), data, null, 5, manager);
      assertEquals(masked, alwaysL.get("masked_positions"));
      assertEquals((double) ls / masked, alwaysL.get("mlm_accuracy"), 1e-12);
      assertEquals((double) ls / masked, alwaysL.get("unigram_accuracy"), 1e-12);
      Map<String, Double> alwaysK = task.evaluate(new Constant(k), data, null, 5, manager);
      assertEquals((double) ks / masked, alwaysK.get("mlm_accuracy"), 1e-12);
      assertEquals((double) ls / masked, alwaysK.get("unigram_accuracy"), 1e-12);
    }
  }
}
