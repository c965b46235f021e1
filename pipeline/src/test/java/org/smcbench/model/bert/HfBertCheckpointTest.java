package org.smcbench.model.bert;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.ModelFamilies;
import org.smcbench.model.SafetensorsFixture;
import org.smcbench.model.TrainableModel;

/** A Hugging Face checkpoint folder a test writes in BERT and RoBERTa naming lands tensor by tensor. */
class HfBertCheckpointTest {
  private static final int H = 8;
  private static final int FFN = 16;
  private static final int VOCAB = 40;
  private static final int POSITIONS = 24;

  @TempDir
  Path dir;

  /** The encoder's tensors under Hugging Face names (with {@code prefix}), seeded random values. */
  private static Map<String, long[]> encoderShapes(int typeVocab) {
    Map<String, long[]> s = new LinkedHashMap<>();
    s.put("embeddings.word_embeddings.weight", new long[] {VOCAB, H});
    s.put("embeddings.position_embeddings.weight", new long[] {POSITIONS, H});
    s.put("embeddings.token_type_embeddings.weight", new long[] {typeVocab, H});
    s.put("embeddings.LayerNorm.weight", new long[] {H});
    s.put("embeddings.LayerNorm.bias", new long[] {H});
    SafetensorsFixture.putBertLayers(s, "", 2, H, FFN);
    return s;
  }

  private Map<String, float[]> writeFolder(Path folder, String modelType, String prefix, int typeVocab,
      Map<String, long[]> extra, String drop) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("config.json"), "{\"model_type\": \"" + modelType + "\", \"vocab_size\": " + VOCAB
        + ", \"hidden_size\": " + H + ", \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"intermediate_size\": "
        + FFN + ", \"max_position_embeddings\": " + POSITIONS + ", \"type_vocab_size\": " + typeVocab
        + ", \"layer_norm_eps\": 1e-5, \"pad_token_id\": 1, \"hidden_dropout_prob\": 0.1}");
    Map<String, long[]> shapes = new LinkedHashMap<>();
    encoderShapes(typeVocab).forEach((k, v) -> shapes.put(prefix + k, v));
    shapes.putAll(extra);
    shapes.remove(prefix + drop);
    return SafetensorsFixture.writeRandom(folder.resolve("model.safetensors"), shapes, 5);
  }

  private static ModelSettings settings(Path folder) {
    return new ModelSettings("tiny", "bert-multiple-choice", "hf-safetensors", folder.toString(), 0, 16, 0.1, "mean");
  }

  @Test
  void bertNamingLandsEveryTensorInPlaceAndIgnoresHeadsAndBuffers() throws IOException {
    Path folder = dir.resolve("bert");
    Map<String, float[]> written = writeFolder(folder, "bert", "bert.", 2, Map.of(
        "bert.pooler.dense.weight", new long[] {H, H}, "cls.predictions.bias", new long[] {VOCAB},
        "bert.embeddings.position_ids", new long[] {1, POSITIONS}), "");
    HfBertCheckpoint hf = HfBertCheckpoint.read(folder.toString(), new org.apache.hadoop.conf.Configuration());
    assertEquals(0, hf.config().positionOffset());
    assertEquals(1e-5, hf.config().layerNormEps());
    try (NDManager m = NDManager.newBaseManager()) {
      TrainableModel model = ModelFamilies.get("bert-multiple-choice").build(settings(folder), null, m, 1);
      LinkedHashMap<String, Parameter> params = model.namedParameters();
      int encoderTensors = 0;
      for (Map.Entry<String, float[]> e : written.entrySet()) {
        if (!e.getKey().startsWith("bert.") || e.getKey().contains("pooler") || e.getKey().endsWith("position_ids")) {
          continue;
        }
        String name = e.getKey().substring("bert.".length());
        assertArrayEquals(e.getValue(), params.get(name).getArray().toFloatArray(), name);
        encoderTensors++;
      }
      assertEquals(encoderShapes(2).size(), encoderTensors);
    }
  }

  @Test
  void robertaNamingGivesThePositionOffsetAndOneTokenType() throws IOException {
    Path folder = dir.resolve("roberta");
    Map<String, float[]> written = writeFolder(folder, "roberta", "roberta.", 1,
        Map.of("lm_head.dense.weight", new long[] {H, H}), "");
    HfBertCheckpoint hf = HfBertCheckpoint.read(folder.toString(), new org.apache.hadoop.conf.Configuration());
    assertEquals(2, hf.config().positionOffset());
    assertEquals(POSITIONS - 2, hf.config().maxSequenceLength());
    try (NDManager m = NDManager.newBaseManager()) {
      TrainableModel model = ModelFamilies.get("bert-multiple-choice").build(settings(folder), null, m, 1);
      assertArrayEquals(written.get("roberta.encoder.layer.1.output.dense.weight"),
          model.namedParameters().get("encoder.layer.1.output.dense.weight").getArray().toFloatArray());
      // Segment ids of 1 (the second segment) run: RoBERTa's single token type is used for both.
      Shape shape = new Shape(1, 2, 5);
      NDList inputs = new NDList(m.randomInteger(3, VOCAB, shape, ai.djl.ndarray.types.DataType.INT64),
          m.ones(shape, ai.djl.ndarray.types.DataType.INT64), m.ones(shape, ai.djl.ndarray.types.DataType.INT64));
      NDArray logits = model.forward(new ParameterStore(m, false), inputs, false).singletonOrThrow();
      assertEquals(new Shape(1, 2), logits.getShape());
    }
  }

  @Test
  void missingAndUnexpectedKeysAreListedTogether() throws IOException {
    Path folder = dir.resolve("broken");
    writeFolder(folder, "bert", "bert.", 2, Map.of("bert.encoder.layer.0.attention.self.rotary.weight", new long[] {H}),
        "encoder.layer.1.output.dense.weight");
    try (NDManager m = NDManager.newBaseManager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ModelFamilies.get("bert-multiple-choice").build(settings(folder), null, m, 1));
      assertTrue(e.getMessage().contains("missing 1 [encoder.layer.1.output.dense.weight]"), e.getMessage());
      assertTrue(e.getMessage().contains("unexpected 1 [encoder.layer.0.attention.self.rotary.weight]"), e.getMessage());
    }
  }

  @Test
  void unknownArchitectureIsAClearError() throws IOException {
    Path folder = dir.resolve("gpt");
    writeFolder(folder, "gpt2", "bert.", 2, Map.of(), "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HfBertCheckpoint.read(folder.toString(), new org.apache.hadoop.conf.Configuration()));
    assertTrue(e.getMessage().contains("model_type 'gpt2'"), e.getMessage());
  }
}
