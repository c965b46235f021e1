package org.smcbench.model.mbart;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/** The mBART encoder-decoder: Hugging Face names, prunable scope, checkpoint round trip, padding. */
class MbartModelTest {
  static final MbartConfig TINY = new MbartConfig(40, 16, 2, 2, 2, 32, 24, 0.0, 0.0, 0.0, true, 1, 2);

  @TempDir
  Path dir;

  @Test
  void parametersCarryHuggingFaceNamesInStateDictOrder() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MbartModel model = new MbartModel(TINY, 7);
      model.initializeParameters(manager);
      List<String> names = List.copyOf(model.namedParameters().keySet());
      assertEquals("model.shared.weight", names.get(0));
      assertEquals("model.encoder.embed_positions.weight", names.get(1));
      assertEquals(List.of("model.encoder.layers.0.self_attn.k_proj.weight", "model.encoder.layers.0.self_attn.k_proj.bias",
          "model.encoder.layers.0.self_attn.v_proj.weight"), names.subList(4, 7));
      assertTrue(names.contains("model.decoder.layers.1.encoder_attn.q_proj.weight"));
      assertTrue(names.contains("model.decoder.layers.1.encoder_attn_layer_norm.bias"));
      assertEquals("model.decoder.layer_norm.bias", names.get(names.size() - 1));
      // 2 + 2 (enc emb) + 2x16 (enc layers) + 2 (enc norm) + 2 + 2x26 (dec layers) + 2 (dec norm)
      assertEquals(1 + 3 + 2 * 16 + 2 + 3 + 2 * 26 + 2, names.size());
      assertArrayEquals(new long[] {TINY.maxPositions() + 2, 16},
          model.namedParameters().get("model.decoder.embed_positions.weight").getArray().getShape().getShape());
      // The padding row of the shared table starts at zero, as nn.Embedding(padding_idx=1).
      NDArray table = model.namedParameters().get("model.shared.weight").getArray();
      assertEquals(0f, table.get(1).abs().sum().getFloat());
    }
  }

  @Test
  void prunableScopeIsEveryMatrixWithDecoderLayersAfterTheEncoders() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MbartModel model = new MbartModel(TINY, 7);
      model.initializeParameters(manager);
      List<PrunableTensor> scope = model.prunableScope();
      // shared + 2 position tables + encoder 2 x (4 + 2) + decoder 2 x (8 + 2)
      assertEquals(3 + 2 * 6 + 2 * 10, scope.size());
      for (PrunableTensor t : scope) {
        assertEquals(2, t.array().getShape().dimension(), t.name());
      }
      PrunableTensor cross = scope.stream().filter(t -> t.name().equals("model.decoder.layers.0.encoder_attn.v_proj.weight"))
          .findFirst().orElseThrow();
      assertEquals(ModuleKind.ATTN_V, cross.kind());
      assertEquals(2, cross.layer());
    }
  }

  @Test
  void checkpointRoundTripGivesIdenticalLogits() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MbartModel model = new MbartModel(TINY, 7);
      model.initializeParameters(manager);
      float[] bias = new float[TINY.vocabSize()];
      bias[5] = 0.25f;
      model.setFinalLogitsBias(bias);
      HfMbartCheckpoint.write(dir, model);
      HfMbartCheckpoint read = HfMbartCheckpoint.read(dir.toString(), new Configuration());
      assertEquals(TINY, read.config());
      MbartModel loaded = read.build(manager, 99);
      NDList inputs = inputs(manager);
      NDArray a = model.forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow();
      NDArray b = loaded.forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow();
      assertArrayEquals(new long[] {2, 4, TINY.vocabSize()}, a.getShape().getShape());
      assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
    }
  }

  @Test
  void sourcePaddingDoesNotChangeTheRealRowsLogits() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MbartModel model = new MbartModel(TINY, 3);
      model.initializeParameters(manager);
      ParameterStore ps = new ParameterStore(manager, false);
      NDArray shortSource = manager.create(new long[][] {{30, 5, 6, 2}});
      NDArray padded = manager.create(new long[][] {{30, 5, 6, 2, 1, 1}});
      NDArray target = manager.create(new long[][] {{2, 31, 8}});
      NDArray a = model.forward(ps, new NDList(shortSource, manager.ones(new Shape(1, 4)), target), false)
          .singletonOrThrow();
      NDArray b = model.forward(ps, new NDList(padded, manager.create(new float[][] {{1, 1, 1, 1, 0, 0}}), target),
          false).singletonOrThrow();
      assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 1e-5f);
    }
  }

  @Test
  void aCheckpointOfAnotherModelTypeIsRejectedWithItsName() throws Exception {
    Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"bart\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HfMbartCheckpoint.read(dir.toString(), new Configuration()));
    assertTrue(e.getMessage().contains("model_type is 'bart', expected 'mbart'"), e.getMessage());
  }

  static NDList inputs(NDManager manager) {
    NDArray source = manager.create(new long[][] {{30, 5, 6, 7, 2}, {30, 9, 2, 1, 1}});
    NDArray mask = manager.create(new float[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});
    NDArray target = manager.create(new long[][] {{2, 31, 8, 9}, {2, 31, 10, 1}});
    return new NDList(source, mask, target);
  }

  static Map<String, Parameter> named(MbartModel model) {
    return model.namedParameters();
  }
}
