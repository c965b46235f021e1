package org.smcbench.model.tape;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ModelSettings;
import org.smcbench.data.protein.ProteinVocabulary;
import org.smcbench.data.protein.TapeVocabulary;
import org.smcbench.model.ModelFamilies;
import org.smcbench.model.SafetensorsFixture;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.protein.ProteinData;

/** A folder in TAPE's naming (ProteinBertForMaskedLM's tensors, TAPE's config.json) lands tensor by tensor. */
class TapeCheckpointTest {
  private static final int H = 8;
  private static final int FFN = 16;
  private static final int POSITIONS = 24;

  @TempDir
  Path dir;

  /** TAPE's encoder tensors ({@code bert.} prefix), its pooler and its masked-LM head. */
  static Map<String, long[]> tapeShapes(int layers) {
    Map<String, long[]> s = new LinkedHashMap<>();
    s.put("bert.embeddings.word_embeddings.weight", new long[] {TapeVocabulary.SIZE, H});
    s.put("bert.embeddings.position_embeddings.weight", new long[] {POSITIONS, H});
    s.put("bert.embeddings.token_type_embeddings.weight", new long[] {1, H});
    s.put("bert.embeddings.LayerNorm.weight", new long[] {H});
    s.put("bert.embeddings.LayerNorm.bias", new long[] {H});
    SafetensorsFixture.putBertLayers(s, "bert.", layers, H, FFN);
    s.put("bert.pooler.dense.weight", new long[] {H, H});
    s.put("bert.pooler.dense.bias", new long[] {H});
    s.put("mlm.transform.dense.weight", new long[] {H, H});
    s.put("mlm.transform.LayerNorm.weight", new long[] {H});
    s.put("mlm.decoder.weight", new long[] {TapeVocabulary.SIZE, H});
    s.put("mlm.bias", new long[] {TapeVocabulary.SIZE});
    return s;
  }

  /** Writes config.json (TAPE's fields, no model_type) and model.safetensors; returns the values by name. */
  static Map<String, float[]> writeTapeFolder(Path folder, Map<String, long[]> shapes) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("config.json"), "{\"vocab_size\": 30, \"hidden_size\": " + H
        + ", \"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"intermediate_size\": " + FFN
        + ", \"hidden_act\": \"gelu\", \"hidden_dropout_prob\": 0.1, \"attention_probs_dropout_prob\": 0.1,"
        + " \"max_position_embeddings\": " + POSITIONS + ", \"type_vocab_size\": 1, \"initializer_range\": 0.02,"
        + " \"layer_norm_eps\": 1e-12, \"output_attentions\": false, \"output_hidden_states\": false}");
    return SafetensorsFixture.writeRandom(folder.resolve("model.safetensors"), shapes, 5);
  }

  static ModelSettings settings(Path folder, int layers) {
    return new ModelSettings("tape-tiny", TapeFamily.NAME, ModelSettings.HF_SAFETENSORS, folder.toString(), layers, 16,
        0.0, "mean");
  }

  /** A two-class train split in TAPE's ids. */
  static ProteinData twoClasses() {
    int[][] tokens = {TapeVocabulary.encode("MKV", 0), TapeVocabulary.encode("MEE", 0)};
    return new ProteinData(new String[] {"a", "b"}, tokens, new int[] {0, 1}, null, 2, 0, 1, Double.NaN, null, 0,
        ProteinVocabulary.TAPE);
  }

  @Test
  void everyEncoderTensorLandsInPlaceAndThePoolerAndMlmHeadAreNotRead() throws IOException {
    Path folder = dir.resolve("tape");
    Map<String, float[]> written = writeTapeFolder(folder, tapeShapes(2));
    try (NDManager m = NDManager.newBaseManager()) {
      TrainableModel model = ModelFamilies.get("tape").build(settings(folder, 0), twoClasses(), m, 1);
      Map<String, Parameter> params = model.namedParameters();
      // 5 embedding tensors + 16 per layer, then the head's classifier.weight and classifier.bias.
      assertEquals(5 + 2 * 16 + 2, params.size());
      int compared = 0;
      for (Map.Entry<String, float[]> e : written.entrySet()) {
        if (!e.getKey().startsWith("bert.") || e.getKey().startsWith("bert.pooler.")) {
          continue;
        }
        String name = e.getKey().substring("bert.".length());
        assertArrayEquals(e.getValue(), params.get(name).getArray().toFloatArray(), name);
        compared++;
      }
      assertEquals(5 + 2 * 16, compared);
      assertArrayEquals(new long[] {2, H}, params.get("classifier.weight").getArray().getShape().getShape());
      // layers = 1 keeps the first layer of the checkpoint.
      TrainableModel first = ModelFamilies.get("tape").build(settings(folder, 1), twoClasses(), m, 1);
      assertEquals(5 + 16 + 2, first.namedParameters().size());
      assertArrayEquals(written.get("bert.encoder.layer.0.output.dense.weight"),
          first.namedParameters().get("encoder.layer.0.output.dense.weight").getArray().toFloatArray());
    }
  }

  @Test
  void aMissingAndAnUnexpectedTensorAreBothNamed() throws IOException {
    Map<String, long[]> shapes = tapeShapes(2);
    shapes.remove("bert.encoder.layer.1.output.dense.bias");
    shapes.put("bert.encoder.layer.0.attention.self.relative.weight", new long[] {H, H});
    Path folder = dir.resolve("broken");
    writeTapeFolder(folder, shapes);
    try (NDManager m = NDManager.newBaseManager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ModelFamilies.get("tape").build(settings(folder, 0), twoClasses(), m, 1));
      String message = e.getMessage();
      assertTrue(message.contains("TAPE checkpoint " + folder), message);
      assertTrue(message.contains("missing 1 [encoder.layer.1.output.dense.bias]"), message);
      assertTrue(message.contains("unexpected 1 [encoder.layer.0.attention.self.relative.weight]"), message);
    }
  }

  @Test
  void randomInitialisationIsSeededAndSizedByTheEntry() {
    ModelSettings random = new ModelSettings("tape-cpu", TapeFamily.NAME, "none", "", 2, 20, 0.0, "mean", 0, H, 0, null,
        ModelSettings.TABLE, 2, FFN, "", null, null);
    try (NDManager m = NDManager.newBaseManager()) {
      TrainableModel a = ModelFamilies.get("tape").build(random, twoClasses(), m, 3);
      TrainableModel b = ModelFamilies.get("tape").build(random, twoClasses(), m, 3);
      assertArrayEquals(new long[] {20, H},
          a.namedParameters().get("embeddings.position_embeddings.weight").getArray().getShape().getShape());
      assertArrayEquals(new long[] {TapeVocabulary.SIZE, H},
          a.namedParameters().get("embeddings.word_embeddings.weight").getArray().getShape().getShape());
      for (String name : List.of("encoder.layer.1.attention.self.key.weight", "classifier.weight")) {
        assertArrayEquals(a.namedParameters().get(name).getArray().toFloatArray(),
            b.namedParameters().get(name).getArray().toFloatArray(), name);
      }
    }
  }
}
