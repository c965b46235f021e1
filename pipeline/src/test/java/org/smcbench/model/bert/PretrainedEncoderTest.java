package org.smcbench.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DJL encoder with all-MiniLM-L6-v2 loaded, against published figures and ONNX Runtime. */
class PretrainedEncoderTest {
  private static NDManager manager;
  private static BertEncoder encoder;

  @BeforeAll
  static void load() {
    manager = NDManager.newBaseManager();
    encoder = new BertEncoder(BertConfig.miniLmL6(), 0);
    PretrainedWeights.loadInto(encoder.namedParameters(), MiniLmFixture.weights(), manager);
    encoder.initializeParameters(manager); // nothing left to draw: marks the block initialised
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void meanPooledEmbeddingsGiveThePublishedCosineSimilarities() {
    // sentence-transformers' semantic-search example for all-MiniLM-L6-v2
    Sentences batch = Sentences.encode(List.of("A man is eating pasta.", "A man is eating food.",
        "A man is eating a piece of bread.", "A man is riding a horse."));
    float[][] embeddings = new float[4][];
    try (NDManager step = manager.newSubManager()) {
      NDList inputs = batch.toNDList(step);
      NDArray hidden = encoder.forward(new ParameterStore(step, false), inputs, false).singletonOrThrow();
      NDArray mask = inputs.get(2).toType(DataType.FLOAT32, false).expandDims(-1);
      NDArray pooled = hidden.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}));
      NDArray unit = pooled.div(pooled.norm(new int[] {1}, true));
      for (int i = 0; i < 4; i++) {
        embeddings[i] = unit.get(i).toFloatArray();
      }
    }
    float[] cosines = {dot(embeddings[0], embeddings[1]), dot(embeddings[0], embeddings[2]),
        dot(embeddings[0], embeddings[3])};
    System.out.printf("cosine pasta vs food / bread / horse: %.6f %.6f %.6f%n", cosines[0], cosines[1], cosines[2]);
    assertEquals(0.7035, cosines[0], 5e-4);
    assertEquals(0.5272, cosines[1], 5e-4);
    assertEquals(0.1889, cosines[2], 5e-4);
  }

  @Test
  void lastHiddenStateMatchesOnnxRuntimeOnAPaddedBatch() throws Exception {
    Sentences batch = Sentences.encode(List.of(
        "The quick brown fox jumps over the lazy dog near the riverbank.", "Hello world!"));
    assertTrue(batch.mask()[1][batch.length() - 1] == 0, "second sentence is padded");

    float[][][] reference;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    byte[] onnx;
    try (OnnxEncoderArtifact artifact = OnnxEncoderArtifact.fromClasspath(); InputStream in = artifact.openOnnx()) {
      onnx = in.readAllBytes();
    }
    try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
        OnnxTensor ids = OnnxTensor.createTensor(env, batch.ids());
        OnnxTensor types = OnnxTensor.createTensor(env, batch.types());
        OnnxTensor mask = OnnxTensor.createTensor(env, batch.mask())) {
      assertEquals(Set.of("input_ids", "attention_mask", "token_type_ids"), session.getInputNames());
      assertEquals(Set.of("last_hidden_state"), session.getOutputNames());
      try (OrtSession.Result result = session.run(
          Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
        reference = (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
      }
    }

    try (NDManager step = manager.newSubManager()) {
      NDArray hidden = encoder.forward(new ParameterStore(step, false), batch.toNDList(step), false)
          .singletonOrThrow();
      assertArrayEquals(new long[] {2, batch.length(), 384}, hidden.getShape().getShape());
      float[] ours = hidden.toFloatArray();
      double maxAbs = 0;
      int i = 0;
      for (float[][] sequence : reference) {
        for (float[] token : sequence) {
          for (float value : token) {
            maxAbs = Math.max(maxAbs, Math.abs(value - ours[i++]));
          }
        }
      }
      System.out.printf("max |DJL - ONNX Runtime| over last_hidden_state [2, %d, 384]: %.3e%n", batch.length(), maxAbs);
      assertTrue(maxAbs < 1e-4, "max abs diff " + maxAbs);
    }
  }

  private static float dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return (float) sum;
  }
}
