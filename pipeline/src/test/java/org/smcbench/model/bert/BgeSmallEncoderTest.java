package org.smcbench.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.djl.training.ParameterStore;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.model.FloatTensor;

/** bge-small-en-v1.5 from its langchain4j jar: all 12 layers load, and DJL matches ONNX Runtime. */
class BgeSmallEncoderTest {
  @Test
  void twelveLayersLoadAndTheLastHiddenStateMatchesOnnxRuntime() throws Exception {
    LinkedHashMap<String, FloatTensor> weights;
    byte[] onnx;
    try (OnnxEncoderArtifact artifact = OnnxEncoderArtifact.fromClasspath(OnnxEncoder.BGE_SMALL);
        InputStream in = artifact.openOnnx()) {
      weights = artifact.readWeights();
      onnx = in.readAllBytes();
    }
    assertArrayEquals(new long[] {1536, 384}, weights.get("encoder.layer.11.intermediate.dense.weight").shape());
    Sentences batch = Sentences.encode(List.of("Sparse networks fail on hard tasks.", "Hello world!"));
    float[][][] reference;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
        OnnxTensor ids = OnnxTensor.createTensor(env, batch.ids());
        OnnxTensor types = OnnxTensor.createTensor(env, batch.types());
        OnnxTensor mask = OnnxTensor.createTensor(env, batch.mask());
        OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
      reference = (float[][][]) result.get(0).getValue();
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      BertEncoder encoder = new BertEncoder(OnnxEncoder.BGE_SMALL.config(), 0);
      PretrainedWeights.loadInto(encoder.namedParameters(), weights, manager);
      encoder.initializeParameters(manager);
      assertEquals(12, encoder.config().layers());
      NDArray hidden = encoder.forward(new ParameterStore(manager, false), batch.toNDList(manager), false)
          .singletonOrThrow();
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
      assertEquals(ours.length, i);
      System.out.printf("bge-small: max |DJL - ONNX Runtime| over last_hidden_state: %.3e%n", maxAbs);
      assertTrue(maxAbs < 1e-4, "max abs diff " + maxAbs);
    }
  }
}
