package org.smcbench.model.esm;


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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.SafetensorsFixture;

/** Checkpoint folders a test writes in Hugging Face's ESM naming land tensor by tensor. */
class HfEsmCheckpointTest {
  private static final int H = TinyEsm.H;
  private static final int V = 33;

  /** config.json as transformers writes it for an ESM-2 model (tiny shape). */
  private static final String ESM2_CONFIG = """
      {"architectures": ["EsmForMaskedLM"], "attention_probs_dropout_prob": 0.0, "classifier_dropout": null,
       "emb_layer_norm_before": false, "esmfold_config": null, "hidden_act": "gelu", "hidden_dropout_prob": 0.0,
       "hidden_size": 16, "initializer_range": 0.02, "intermediate_size": 32, "is_folding_model": false,
       "layer_norm_eps": 1e-05, "mask_token_id": 32, "max_position_embeddings": 1026, "model_type": "esm",
       "num_attention_heads": 2, "num_hidden_layers": 2, "pad_token_id": 1, "position_embedding_type": "rotary",
       "token_dropout": true, "torch_dtype": "float32", "use_cache": true, "vocab_list": null, "vocab_size": 33}
      """;

  @TempDir
  Path dir;

  /** The encoder's tensors under Hugging Face names, without the {@code esm.} prefix (ESM-2 layout). */
  private static Map<String, long[]> encoderShapes() {
    Map<String, long[]> s = new LinkedHashMap<>();
    s.put("embeddings.word_embeddings.weight", new long[] {V, H});
    for (int l = 0; l < 2; l++) {
      String p = "encoder.layer." + l + ".";
      for (String m : List.of("attention.self.query", "attention.self.key", "attention.self.value",
          "attention.output.dense")) {
        s.put(p + m + ".weight", new long[] {H, H});
        s.put(p + m + ".bias", new long[] {H});
      }
      s.put(p + "attention.LayerNorm.weight", new long[] {H});
      s.put(p + "attention.LayerNorm.bias", new long[] {H});
      s.put(p + "intermediate.dense.weight", new long[] {32, H});
      s.put(p + "intermediate.dense.bias", new long[] {32});
      s.put(p + "output.dense.weight", new long[] {H, 32});
      s.put(p + "output.dense.bias", new long[] {H});
      s.put(p + "LayerNorm.weight", new long[] {H});
      s.put(p + "LayerNorm.bias", new long[] {H});
    }
    s.put("encoder.emb_layer_norm_after.weight", new long[] {H});
    s.put("encoder.emb_layer_norm_after.bias", new long[] {H});
    return s;
  }

  /** What an EsmForMaskedLM checkpoint holds beyond the encoder: heads, buffers, the tied decoder. */
  private static Map<String, long[]> extras() {
    Map<String, long[]> s = new LinkedHashMap<>();
    s.put("esm.encoder.layer.0.attention.self.rotary_embeddings.inv_freq", new long[] {H / 4});
    s.put("esm.embeddings.position_ids", new long[] {1, 1026});
    s.put("esm.contact_head.regression.weight", new long[] {1, 4});
    s.put("esm.contact_head.regression.bias", new long[] {1});
    s.put("lm_head.dense.weight", new long[] {H, H});
    s.put("lm_head.dense.bias", new long[] {H});
    s.put("lm_head.layer_norm.weight", new long[] {H});
    s.put("lm_head.layer_norm.bias", new long[] {H});
    s.put("lm_head.decoder.weight", new long[] {V, H});
    s.put("lm_head.bias", new long[] {V});
    return s;
  }

  /** Writes config.json and model.safetensors with seeded random tensors; returns them by file key. */
  private static Map<String, float[]> writeFolder(Path folder, Map<String, long[]> shapes) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("config.json"), ESM2_CONFIG);
    return SafetensorsFixture.writeRandom(folder.resolve("model.safetensors"), shapes, 5);
  }

  private static Map<String, long[]> hfLayout() {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    encoderShapes().forEach((k, v) -> shapes.put("esm." + k, v));
    shapes.putAll(extras());
    return shapes;
  }

  @Test
  void huggingFaceLayoutLandsEveryEncoderTensorInPlace() throws IOException {
    Path folder = dir.resolve("esm2");
    Map<String, float[]> written = writeFolder(folder, hfLayout());
    HfEsmCheckpoint checkpoint = HfEsmCheckpoint.read(folder.toString(), new Configuration());
    assertEquals(new EsmConfig(33, H, 2, 2, 32, 1026, "rotary", 1e-5, false, true, 1, 32, 0.0), checkpoint.config());
    // safetensors keeps no order: compare as sets
    assertEquals(encoderShapes().keySet(), checkpoint.encoderWeights().keySet());
    assertEquals(Set.of("lm_head.dense.weight", "lm_head.dense.bias", "lm_head.layer_norm.weight",
        "lm_head.layer_norm.bias", "lm_head.bias"), checkpoint.lmHeadWeights().keySet());

    try (NDManager m = NDManager.newBaseManager()) {
      EsmPropertyModel model = new EsmPropertyModel(checkpoint.config(), 2, 1);
      model.loadEncoderWeights(checkpoint.encoderWeights(), m);
      model.initializeParameters(m); // the head, which the checkpoint does not have
      Map<String, Parameter> params = model.encoder().namedParameters();
      for (String name : encoderShapes().keySet()) {
        assertArrayEquals(written.get("esm." + name), params.get(name).getArray().toFloatArray(), name);
      }
      NDArray predictions = model.forward(new ParameterStore(m, false),
          TinyEsm.batch(m, List.of("MKTAYIAK", "LLE")), false).singletonOrThrow();
      assertEquals(new Shape(2, 2), predictions.getShape());
    }
  }

  @Test
  void missingAndUnexpectedKeysAreNamed() throws IOException {
    Map<String, long[]> missing = hfLayout();
    missing.remove("esm.encoder.layer.1.output.dense.weight");
    Map<String, long[]> unexpected = hfLayout();
    unexpected.put("esm.encoder.layer.0.attention.self.distance_embedding.weight", new long[] {3, 8});
    writeFolder(dir.resolve("missing"), missing);
    writeFolder(dir.resolve("unexpected"), unexpected);
    try (NDManager m = NDManager.newBaseManager()) {
      HfEsmCheckpoint lacking = HfEsmCheckpoint.read(dir.resolve("missing").toString(), new Configuration());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new EsmPropertyModel(lacking.config(), 2, 1).loadEncoderWeights(lacking.encoderWeights(), m));
      assertTrue(e.getMessage().contains("missing 1 [encoder.layer.1.output.dense.weight]"), e.getMessage());

      HfEsmCheckpoint extra = HfEsmCheckpoint.read(dir.resolve("unexpected").toString(), new Configuration());
      e = assertThrows(IllegalArgumentException.class,
          () -> new EsmPropertyModel(extra.config(), 2, 1).loadEncoderWeights(extra.encoderWeights(), m));
      assertTrue(e.getMessage().contains("unexpected 1 [encoder.layer.0.attention.self.distance_embedding.weight]"),
          e.getMessage());
    }
  }

  @Test
  void shapeMismatchIsNamed() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmPropertyModel model = new EsmPropertyModel(TinyEsm.esm2(), 2, 1);
      Map<String, FloatTensor> weights = new LinkedHashMap<>();
      model.encoder().namedParameters().forEach((name, p) -> weights.put(name,
          new FloatTensor(p.getShape().getShape(), new float[Math.toIntExact(p.getShape().size())])));
      weights.put("encoder.layer.0.output.dense.bias", new FloatTensor(new long[] {2}, new float[2]));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.loadEncoderWeights(weights, m));
      assertTrue(e.getMessage().contains("encoder.layer.0.output.dense.bias (model (16), checkpoint (2))"),
          e.getMessage());
    }
  }

  @Test
  void missingConfigKeyNamesKeyAndFolder() throws IOException {
    Path folder = dir.resolve("noeps");
    writeFolder(folder, hfLayout());
    Files.writeString(folder.resolve("config.json"), ESM2_CONFIG.replace("\"layer_norm_eps\": 1e-05,", ""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HfEsmCheckpoint.read(folder.toString(), new Configuration()));
    assertTrue(e.getMessage().contains("lacks 'layer_norm_eps'") && e.getMessage().contains(folder.toString()),
        e.getMessage());
  }

  @Test
  void ownCheckpointRoundTripsThroughHuggingFaceLayout() throws IOException {
    Path folder = dir.resolve("own");
    try (NDManager m = NDManager.newBaseManager()) {
      EsmMaskedLm model = new EsmMaskedLm(TinyEsm.esm1b(), 4);
      model.initializeParameters(m);
      TinyEsm.randomize(model.namedParameters(), 8, 0.3);
      HfEsmCheckpoint.write(folder, TinyEsm.esm1b(), model.encoderParameters(), model.lmHeadParameters());

      Set<String> keys = new HashSet<>();
      try (NDManager f = NDManager.newBaseManager(); InputStream in = Files.newInputStream(folder.resolve("model.safetensors"))) {
        NDList.decode(f, in).forEach(a -> keys.add(a.getName()));
      }
      assertTrue(keys.contains("esm.embeddings.position_embeddings.weight") && keys.contains("lm_head.bias")
          && keys.contains("esm.encoder.emb_layer_norm_after.weight"), keys.toString());
      assertEquals(model.namedParameters().size(), keys.size());

      HfEsmCheckpoint read = HfEsmCheckpoint.read(folder.toString(), new Configuration());
      assertEquals(TinyEsm.esm1b(), read.config());
      model.encoderParameters().forEach((name, p) ->
          assertArrayEquals(p.getArray().toFloatArray(), read.encoderWeights().get(name).data(), name));
      model.lmHeadParameters().forEach((name, p) ->
          assertArrayEquals(p.getArray().toFloatArray(), read.lmHeadWeights().get(name).data(), name));

      EsmMaskedLm reloaded = new EsmMaskedLm(read.config(), 99);
      reloaded.loadWeights(read.encoderWeights(), read.lmHeadWeights(), m);
      NDList inputs = TinyEsm.batch(m, List.of("MKTAYIAK", "LLE")).subNDList(0, 2);
      ParameterStore ps = new ParameterStore(m, false);
      assertArrayEquals(model.forward(ps, inputs, false).singletonOrThrow().toFloatArray(),
          reloaded.forward(ps, inputs, false).singletonOrThrow().toFloatArray(), 0f);
    }
  }
}
