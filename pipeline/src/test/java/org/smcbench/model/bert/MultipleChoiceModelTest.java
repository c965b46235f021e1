package org.smcbench.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smcbench.model.PrunableTensor;

class MultipleChoiceModelTest {
  private static final BertConfig TWO_LAYERS = BertConfig.miniLmL6().withLayers(2);

  @Test
  void parameterNamesArePinned() {
    List<String> expected = new ArrayList<>(List.of(
        "embeddings.word_embeddings.weight",
        "embeddings.position_embeddings.weight",
        "embeddings.token_type_embeddings.weight",
        "embeddings.LayerNorm.weight",
        "embeddings.LayerNorm.bias"));
    for (int layer = 0; layer < 2; layer++) {
      for (String suffix : List.of(
          "attention.self.query.weight",
          "attention.self.query.bias",
          "attention.self.key.weight",
          "attention.self.key.bias",
          "attention.self.value.weight",
          "attention.self.value.bias",
          "attention.output.dense.weight",
          "attention.output.dense.bias",
          "attention.output.LayerNorm.weight",
          "attention.output.LayerNorm.bias",
          "intermediate.dense.weight",
          "intermediate.dense.bias",
          "output.dense.weight",
          "output.dense.bias",
          "output.LayerNorm.weight",
          "output.LayerNorm.bias")) {
        expected.add("encoder.layer." + layer + "." + suffix);
      }
    }
    expected.addAll(List.of("head.dense.weight", "head.dense.bias", "head.out_proj.weight", "head.out_proj.bias"));

    MultipleChoiceModel model = new MultipleChoiceModel(TWO_LAYERS, 1);
    assertEquals(expected, List.copyOf(model.namedParameters().keySet()));
    assertEquals(expected.subList(0, expected.size() - 4), List.copyOf(model.encoder().namedParameters().keySet()));
    assertEquals(new Shape(1, 384), model.namedParameters().get("head.out_proj.weight").getShape());
  }

  @Test
  void prunableScopeIsEveryWeightMatrixWithKindAndLayer() {
    List<PrunableTensor> scope = new MultipleChoiceModel(TWO_LAYERS, 1).prunableScope();
    List<String> described = scope.stream().map(t -> t.name() + " " + t.kind() + " " + t.layer()).toList();
    assertEquals(List.of(
        "embeddings.word_embeddings.weight EMBEDDING -1",
        "embeddings.position_embeddings.weight EMBEDDING -1",
        "embeddings.token_type_embeddings.weight EMBEDDING -1",
        "encoder.layer.0.attention.self.query.weight ATTN_Q 0",
        "encoder.layer.0.attention.self.key.weight ATTN_K 0",
        "encoder.layer.0.attention.self.value.weight ATTN_V 0",
        "encoder.layer.0.attention.output.dense.weight ATTN_O 0",
        "encoder.layer.0.intermediate.dense.weight FFN_IN 0",
        "encoder.layer.0.output.dense.weight FFN_OUT 0",
        "encoder.layer.1.attention.self.query.weight ATTN_Q 1",
        "encoder.layer.1.attention.self.key.weight ATTN_K 1",
        "encoder.layer.1.attention.self.value.weight ATTN_V 1",
        "encoder.layer.1.attention.output.dense.weight ATTN_O 1",
        "encoder.layer.1.intermediate.dense.weight FFN_IN 1",
        "encoder.layer.1.output.dense.weight FFN_OUT 1",
        "head.dense.weight HEAD -1",
        "head.out_proj.weight HEAD -1"), described);
    for (PrunableTensor tensor : scope) {
      assertEquals(2, tensor.parameter().getShape().dimension(), tensor.name());
    }
  }

  @Test
  void scoresEveryChoiceAndGradientsReachEveryPrunableTensor() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MultipleChoiceModel model = new MultipleChoiceModel(TWO_LAYERS, 7);
      // pretrained encoder (first two of six layers), fresh head
      PretrainedWeights.loadInto(model.encoder().namedParameters(), MiniLmFixture.weights(), manager);
      model.initializeParameters(manager);
      int questions = 2;
      int choices = 3;
      int length = 8;
      NDList inputs = randomChoices(manager, questions, choices, length, 11);

      try (NDManager step = manager.newSubManager();
          GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logits = model.forward(new ParameterStore(step, false), inputs, true).singletonOrThrow();
        assertEquals(new Shape(questions, choices), logits.getShape());
        // cross-entropy with choice 0 correct
        NDArray loss = logits.logSoftmax(1).get(":, 0").neg().mean();
        collector.backward(loss);
      }
      for (PrunableTensor tensor : model.prunableScope()) {
        try (NDArray gradient = tensor.array().getGradient()) {
          float norm = gradient.abs().sum().getFloat();
          assertTrue(norm > 0 && Float.isFinite(norm), tensor.name() + " gradient L1 " + norm);
        }
      }
    }
  }

  @Test
  void sameSeedGivesIdenticalInitialisation() {
    try (NDManager manager = NDManager.newBaseManager()) {
      BertConfig tiny = new BertConfig(50, 16, 1, 2, 32, 32, 2, 1e-12, 0, 0.1);
      Map<String, Parameter> a = initialised(new MultipleChoiceModel(tiny, 42), manager);
      Map<String, Parameter> b = initialised(new MultipleChoiceModel(tiny, 42), manager);
      Map<String, Parameter> c = initialised(new MultipleChoiceModel(tiny, 43), manager);
      for (String name : a.keySet()) {
        assertArrayEquals(a.get(name).getArray().toFloatArray(), b.get(name).getArray().toFloatArray(), name);
      }
      float[] dense = a.get("head.dense.weight").getArray().toFloatArray();
      assertFalse(Arrays.equals(dense, c.get("head.dense.weight").getArray().toFloatArray()));
      assertArrayEquals(new float[16], a.get("head.dense.bias").getArray().toFloatArray(), "zero bias");
      double sumSquares = 0;
      for (float w : dense) {
        sumSquares += w * w;
      }
      assertEquals(0.02, Math.sqrt(sumSquares / dense.length), 0.004, "normal(0, 0.02)");
      assertFalse(Arrays.equals(dense, a.get("encoder.layer.0.attention.self.query.weight")
          .getArray().toFloatArray()), "each parameter draws from its own stream");
    }
  }

  private static Map<String, Parameter> initialised(MultipleChoiceModel model, NDManager manager) {
    model.initializeParameters(manager);
    return model.namedParameters();
  }

  /** Random token ids after [CLS], with the last tokens of every other sequence padded out. */
  static NDList randomChoices(NDManager manager, int questions, int choices, int length, long seed) {
    Random random = new Random(seed);
    long[] ids = new long[questions * choices * length];
    long[] mask = new long[ids.length];
    for (int s = 0; s < questions * choices; s++) {
      int real = s % 2 == 0 ? length : length - 3;
      for (int t = 0; t < real; t++) {
        ids[s * length + t] = t == 0 ? 101 : 1000 + random.nextInt(20000);
        mask[s * length + t] = 1;
      }
    }
    Shape shape = new Shape(questions, choices, length);
    return new NDList(manager.create(ids, shape), manager.zeros(shape, DataType.INT64),
        manager.create(mask, shape));
  }
}
