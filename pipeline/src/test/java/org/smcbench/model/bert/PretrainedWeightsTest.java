package org.smcbench.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.model.FloatTensor;

class PretrainedWeightsTest {

  @Test
  void truncatedEncoderTakesTheFirstLayersAndRuns() {
    try (NDManager manager = NDManager.newBaseManager()) {
      BertEncoder encoder = new BertEncoder(BertConfig.miniLmL6().withLayers(2), 3);
      encoder.initializeParameters(manager); // loading overwrites initialised parameters in place
      PretrainedWeights.loadInto(encoder.namedParameters(), MiniLmFixture.weights(), manager);

      String name = "encoder.layer.1.output.dense.weight";
      assertArrayEquals(MiniLmFixture.weights().get(name).data(),
          encoder.namedParameters().get(name).getArray().toFloatArray());
      Sentences batch = Sentences.encode(List.of("A man is eating pasta.", "Hi."));
      NDArray hidden = encoder.forward(new ParameterStore(manager, false), batch.toNDList(manager), false)
          .singletonOrThrow();
      assertEquals(new Shape(2, batch.length(), 384), hidden.getShape());
      assertTrue(Float.isFinite(hidden.abs().sum().getFloat()));
    }
  }

  @Test
  void mismatchesAreListedTogetherAndNothingIsCopied() {
    try (NDManager manager = NDManager.newBaseManager()) {
      BertEncoder encoder = new BertEncoder(BertConfig.miniLmL6().withLayers(2), 3);
      encoder.initializeParameters(manager);
      float[] before = encoder.namedParameters().get("embeddings.LayerNorm.weight").getArray().toFloatArray();

      Map<String, FloatTensor> weights = new LinkedHashMap<>(MiniLmFixture.weights());
      weights.remove("encoder.layer.1.attention.self.key.weight");
      weights.remove("embeddings.token_type_embeddings.weight");
      weights.put("pooler.dense.bias", new FloatTensor(new long[] {384}, new float[384]));
      weights.put("encoder.layer.0.output.dense.bias", new FloatTensor(new long[] {2}, new float[2]));

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PretrainedWeights.loadInto(encoder.namedParameters(), weights, manager));
      String message = e.getMessage();
      assertTrue(message.contains("missing 2 [embeddings.token_type_embeddings.weight, "
          + "encoder.layer.1.attention.self.key.weight]"), message);
      assertTrue(message.contains("unexpected 1 [pooler.dense.bias]"), message + " (layers 2-5 are ignored)");
      assertTrue(message.contains("encoder.layer.0.output.dense.bias (model (384), checkpoint (2))"), message);
      assertArrayEquals(before, encoder.namedParameters().get("embeddings.LayerNorm.weight").getArray().toFloatArray());
    }
  }

  @Test
  void onlyLayersBeyondTheModelsDepthAreIgnored() {
    Map<String, FloatTensor> weights = new LinkedHashMap<>(MiniLmFixture.weights());
    FloatTensor vector = new FloatTensor(new long[] {384}, new float[384]);
    weights.put("encoder.layer.1.attention.self.extra.bias", vector); // inside the model's depth
    weights.put("encoder.layer.4.attention.self.extra.bias", vector); // beyond it: dropped with layer 4
    BertEncoder two = new BertEncoder(BertConfig.miniLmL6().withLayers(2), 0);
    try (NDManager manager = NDManager.newBaseManager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PretrainedWeights.loadInto(two.namedParameters(), weights, manager));
      assertTrue(e.getMessage().endsWith("does not match the model: unexpected 1 "
          + "[encoder.layer.1.attention.self.extra.bias];"), e.getMessage());
    }
  }

  @Test
  void aDeeperModelThanTheCheckpointMissesTheExtraLayer() {
    BertEncoder seven = new BertEncoder(BertConfig.miniLmL6().withLayers(7), 0);
    try (NDManager manager = NDManager.newBaseManager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PretrainedWeights.loadInto(seven.namedParameters(), MiniLmFixture.weights(), manager));
      assertTrue(e.getMessage().contains("missing 16 [encoder.layer.6.attention.self.query.weight, "), e.getMessage());
      assertFalse(seven.namedParameters().get("embeddings.LayerNorm.weight").isInitialized(), "nothing created");
    }
  }

  @Test
  void uninitialisedParametersAreCreatedFromTheCheckpoint() {
    BertEncoder one = new BertEncoder(BertConfig.miniLmL6().withLayers(1), 0);
    try (NDManager manager = NDManager.newBaseManager()) {
      PretrainedWeights.loadInto(one.namedParameters(), MiniLmFixture.weights(), manager);
      Parameter query = one.namedParameters().get("encoder.layer.0.attention.self.query.weight");
      assertTrue(query.getArray().hasGradient(), "trainable like any initialised parameter");
      assertEquals(manager, query.getArray().getManager());
      assertArrayEquals(MiniLmFixture.weights().get(query.getName()).data(), query.getArray().toFloatArray());
    }
  }
}
