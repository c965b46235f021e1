package org.smcbench.model.esm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.data.protein.EsmAlphabet;
import org.smcbench.model.PrunableTensor;

class EsmEncoderTest {

  @Test
  void parameterNamesArePinnedToHuggingFaces() {
    List<String> expected = new ArrayList<>(List.of(
        "embeddings.word_embeddings.weight",
        "embeddings.layer_norm.weight",
        "embeddings.layer_norm.bias",
        "embeddings.position_embeddings.weight"));
    for (int layer = 0; layer < TinyEsm.LAYERS; layer++) {
      for (String suffix : List.of(
          "attention.self.query.weight", "attention.self.query.bias",
          "attention.self.key.weight", "attention.self.key.bias",
          "attention.self.value.weight", "attention.self.value.bias",
          "attention.output.dense.weight", "attention.output.dense.bias",
          "attention.LayerNorm.weight", "attention.LayerNorm.bias",
          "intermediate.dense.weight", "intermediate.dense.bias",
          "output.dense.weight", "output.dense.bias",
          "LayerNorm.weight", "LayerNorm.bias")) {
        expected.add("encoder.layer." + layer + "." + suffix);
      }
    }
    expected.addAll(List.of("encoder.emb_layer_norm_after.weight", "encoder.emb_layer_norm_after.bias"));
    assertEquals(expected, List.copyOf(new EsmEncoder(TinyEsm.esm1b(), 1).namedParameters().keySet()));

    // ESM-2: no position table, no LayerNorm before the layers.
    List<String> esm2 = new ArrayList<>(expected.subList(0, 1));
    esm2.addAll(expected.subList(4, expected.size()));
    assertEquals(esm2, List.copyOf(new EsmEncoder(TinyEsm.esm2(), 1).namedParameters().keySet()));
  }

  @Test
  void prunableScopeIsWordEmbeddingsAndTheSixLayerMatrices() {
    List<String> described = new EsmEncoder(TinyEsm.esm1b(), 1).prunableScope().stream()
        .map(t -> t.name() + " " + t.kind() + " " + t.layer()).toList();
    List<String> expected = new ArrayList<>(List.of("embeddings.word_embeddings.weight EMBEDDING -1"));
    for (int l = 0; l < TinyEsm.LAYERS; l++) {
      String p = "encoder.layer." + l + ".";
      expected.addAll(List.of(
          p + "attention.self.query.weight ATTN_Q " + l,
          p + "attention.self.key.weight ATTN_K " + l,
          p + "attention.self.value.weight ATTN_V " + l,
          p + "attention.output.dense.weight ATTN_O " + l,
          p + "intermediate.dense.weight FFN_IN " + l,
          p + "output.dense.weight FFN_OUT " + l));
    }
    assertEquals(expected, described);
  }

  @Test
  void initialisationIsSeededWithZeroPaddingRows() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmEncoder a = new EsmEncoder(TinyEsm.esm1b(), 42);
      EsmEncoder b = new EsmEncoder(TinyEsm.esm1b(), 42);
      a.initializeParameters(m);
      b.initializeParameters(m);
      a.namedParameters().forEach((name, p) -> assertArrayEquals(p.getArray().toFloatArray(),
          b.namedParameters().get(name).getArray().toFloatArray(), name));
      for (String table : List.of(EsmEmbeddings.WORD_EMBEDDINGS, EsmEmbeddings.POSITION_EMBEDDINGS)) {
        NDArray array = a.namedParameters().get(table).getArray();
        assertArrayEquals(new float[TinyEsm.H], array.get(EsmAlphabet.PAD).toFloatArray(), table + " padding row");
        assertFalse(Arrays.equals(new float[TinyEsm.H], array.get(EsmAlphabet.PAD + 1).toFloatArray()), table);
      }
    }
  }

  @Test
  void absolutePositionIdsCountRealTokensFromPadPlusOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray ids = m.create(new long[] {0, 5, 6, 2, 1, 1, 0, 5, 6, 7, 8, 2}, new Shape(2, 6));
      assertArrayEquals(new long[] {2, 3, 4, 5, 1, 1, 2, 3, 4, 5, 6, 7},
          EsmEmbeddings.positionIds(ids, EsmAlphabet.PAD).toLongArray());
    }
  }

  @Test
  void tokenDropoutScalesByPointEightyEightWithoutMasksAndZeroesMaskRows() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmEmbeddings embeddings = new EsmEmbeddings(TinyEsm.esm2(), 3);
      embeddings.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
      float[] table = embeddings.words().getArray().toFloatArray();
      // Row 0: no <mask>, one padding slot; row 1: one <mask> among 5 real tokens.
      long[] ids = {0, 15, 9, 4, 2, 1, 0, 15, EsmAlphabet.MASK, 4, 2, 1};
      float[] mask = {1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0};
      NDList inputs = new NDList(m.create(ids, new Shape(2, 6)), m.create(mask, new Shape(2, 6)));
      float[] out = embeddings.forward(new ParameterStore(m, false), inputs, false).singletonOrThrow().toFloatArray();
      double[] scale = {0.88, 0.88 / (1 - 1.0 / 5)};
      for (int s = 0; s < 2; s++) {
        for (int t = 0; t < 6; t++) {
          int token = (int) ids[s * 6 + t];
          boolean zero = mask[s * 6 + t] == 0 || token == EsmAlphabet.MASK;
          for (int j = 0; j < TinyEsm.H; j++) {
            double expected = zero ? 0 : scale[s] * table[token * TinyEsm.H + j];
            assertEquals(expected, out[(s * 6 + t) * TinyEsm.H + j], 1e-6, "sequence " + s + " token " + t);
          }
        }
      }
    }
  }

  @Test
  void matchesALoopByLoopReferenceOnAPaddedBatchWithAMaskToken() {
    for (EsmConfig config : List.of(TinyEsm.esm2(), TinyEsm.esm1b())) {
      try (NDManager m = NDManager.newBaseManager()) {
        EsmEncoder encoder = new EsmEncoder(config, 5);
        encoder.initializeParameters(m);
        TinyEsm.randomize(encoder.namedParameters(), 6, 0.4);
        NDList batch = TinyEsm.batch(m, List.of("MKTAYIAK", "LLE"));
        long[] ids = batch.get(0).toLongArray();
        ids[3] = EsmAlphabet.MASK; // exercises token dropout's rescaling
        NDArray idArray = m.create(ids, batch.get(0).getShape());
        float[] mask = batch.get(1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        float[] hidden = encoder.forward(new ParameterStore(m, false), new NDList(idArray, batch.get(1)), false)
            .singletonOrThrow().toFloatArray();
        ReferenceEsm reference = new ReferenceEsm(config, encoder.namedParameters());
        int t = 10;
        for (int s = 0; s < 2; s++) {
          double[][] expected = reference.forward(Arrays.copyOfRange(ids, s * t, s * t + t),
              Arrays.copyOfRange(mask, s * t, s * t + t));
          for (int i = 0; i < t; i++) {
            if (mask[s * t + i] == 0) {
              continue; // padded states are never read
            }
            for (int j = 0; j < TinyEsm.H; j++) {
              assertEquals(expected[i][j], hidden[(s * t + i) * TinyEsm.H + j], 1e-4,
                  config.positions() + " sequence " + s + " token " + i + " dim " + j);
            }
          }
        }
      }
    }
  }

  @Test
  void prunableTensorsAreMatrices() {
    for (PrunableTensor tensor : new EsmPropertyModel(TinyEsm.esm2(), 2, 1).prunableScope()) {
      assertEquals(2, tensor.parameter().getShape().dimension(), tensor.name());
    }
  }
}
