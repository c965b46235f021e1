package org.smcbench.model.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.data.protein.EsmAlphabet;

class EsmMaskedLmTest {
  /** Tokens the test sequences never contain: their embedding rows reach the logits only through the decoder. */
  private static final int ABSENT = EsmAlphabet.idOf('W');
  private static final int OTHER_ABSENT = EsmAlphabet.idOf('C');
  private static final List<String> SEQUENCES = List.of("MKTAYIAKQR", "LLEGK");

  @Test
  void headParametersAreHuggingFacesWithoutASeparateDecoder() {
    EsmMaskedLm model = new EsmMaskedLm(TinyEsm.esm2(), 1);
    assertEquals(List.of("lm_head.dense.weight", "lm_head.dense.bias", "lm_head.layer_norm.weight",
        "lm_head.layer_norm.bias", "lm_head.bias"), List.copyOf(model.lmHeadParameters().keySet()));
    assertEquals(model.encoderParameters().size() + 5, model.namedParameters().size());
    assertEquals(List.copyOf(model.encoder().namedParameters().keySet()),
        List.copyOf(model.encoderParameters().keySet()));
  }

  @Test
  void logitsComeFromTheWordEmbeddingTable() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmMaskedLm model = new EsmMaskedLm(TinyEsm.esm2(), 2);
      model.initializeParameters(m);
      ParameterStore ps = new ParameterStore(m, false);
      NDList inputs = TinyEsm.batch(m, SEQUENCES).subNDList(0, 2);
      NDArray before = model.forward(ps, inputs, false).singletonOrThrow();
      assertEquals(new Shape(2, 12, 33), before.getShape());

      // Give the absent token the other absent token's embedding row and output bias.
      Parameter words = model.encoderParameters().get(EsmEmbeddings.WORD_EMBEDDINGS);
      NDArray table = words.getArray();
      table.set(new NDIndex(ABSENT), table.get(OTHER_ABSENT));
      NDArray bias = model.lmHeadParameters().get("lm_head.bias").getArray();
      float[] b = bias.toFloatArray();
      b[ABSENT] = b[OTHER_ABSENT];
      bias.set(FloatBuffer.wrap(b));

      NDArray after = model.forward(ps, inputs, false).singletonOrThrow();
      NDIndex absent = new NDIndex(":, :, {}", ABSENT);
      NDArray otherColumn = after.get(new NDIndex(":, :, {}", OTHER_ABSENT));
      assertTrue(after.get(absent).sub(otherColumn).abs().max().getFloat() < 1e-6, "column follows the row");
      assertTrue(before.get(absent).sub(after.get(absent)).abs().max().getFloat() > 1e-3, "the column changed");
      // Every other logit is untouched: the encoder never saw the token.
      NDArray unchanged = before.sub(after).abs();
      unchanged.set(absent, 0f);
      assertEquals(0f, unchanged.max().getFloat(), 1e-6f);
      assertSame(table, model.encoder().wordEmbeddings().getArray());
    }
  }

  @Test
  void decoderGradientReachesTheEmbeddingRowsOfAbsentTokens() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmMaskedLm model = new EsmMaskedLm(TinyEsm.esm2(), 3);
      model.initializeParameters(m);
      NDList inputs = TinyEsm.batch(m, SEQUENCES).subNDList(0, 2);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logits = model.forward(new ParameterStore(m, false), inputs, true).singletonOrThrow();
        collector.backward(logits.logSoftmax(-1).get(":, :, 5").neg().mean());
      }
      try (NDArray gradient = model.encoder().wordEmbeddings().getArray().getGradient()) {
        assertTrue(gradient.get(ABSENT).abs().sum().getFloat() > 0, "tied decoder feeds the embedding gradient");
        assertFalse(Float.isNaN(gradient.sum().getFloat()));
      }
    }
  }
}
