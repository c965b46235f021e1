package org.smcbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.model.bert.BertConfig;
import org.smcbench.model.bert.MultipleChoiceModel;

class ModelWeightsTest {
  private static final BertConfig SMALL = new BertConfig(120, 32, 2, 4, 64, 40, 2, 1e-12, 0, 0.1);

  @Test
  void roundTripPreservesEveryBit() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, Parameter> source = initialised(new MultipleChoiceModel(SMALL, 1), manager);
      // values whose bits a lossy path would change
      NDArray bias = source.get("head.dense.bias").getArray();
      float[] special = bias.toFloatArray();
      special[0] = -0.0f;
      special[1] = Float.NaN;
      special[2] = Float.MIN_VALUE;
      special[3] = Float.intBitsToFloat(0x7fc12345); // NaN with payload
      bias.set(FloatBuffer.wrap(special));

      bias.setName("own name");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ModelWeights.save(source, bytes);
      String header = new String(bytes.toByteArray(), 8, 200, StandardCharsets.UTF_8);
      assertTrue(header.startsWith("{") && header.contains("\"dtype\":\"F32\""), header);
      assertEquals("own name", bias.getName(), "keys are written without renaming the parameter's array");

      Map<String, Parameter> target = initialised(new MultipleChoiceModel(SMALL, 2), manager);
      ModelWeights.load(target, new ByteArrayInputStream(bytes.toByteArray()));
      for (String name : source.keySet()) {
        assertArrayEquals(bits(source.get(name).getArray()), bits(target.get(name).getArray()), name);
        assertEquals(source.get(name).getArray().getShape(), target.get(name).getArray().getShape(), name);
      }
    }
  }

  @Test
  void loadRejectsAnotherArchitectureListingEveryKey() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ModelWeights.save(initialised(new MultipleChoiceModel(SMALL, 1), manager), bytes);
      Map<String, Parameter> deeper = initialised(new MultipleChoiceModel(SMALL.withLayers(3), 1), manager);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ModelWeights.load(deeper, new ByteArrayInputStream(bytes.toByteArray())));
      assertTrue(e.getMessage().startsWith("weights file does not match the model: missing 16 [encoder.layer.2."),
          e.getMessage());

      Map<String, Parameter> wider = initialised(new MultipleChoiceModel(
          new BertConfig(120, 32, 2, 4, 128, 40, 2, 1e-12, 0, 0.1), 1), manager);
      e = assertThrows(IllegalArgumentException.class,
          () -> ModelWeights.load(wider, new ByteArrayInputStream(bytes.toByteArray())));
      assertTrue(e.getMessage().contains("shape mismatch 6 [encoder.layer.0.intermediate.dense.weight "
          + "(model (128, 32), checkpoint (64, 32))"), e.getMessage());
    }
  }

  private static Map<String, Parameter> initialised(MultipleChoiceModel model, NDManager manager) {
    model.initializeParameters(manager);
    return model.namedParameters();
  }

  private static int[] bits(NDArray array) {
    float[] values = array.toFloatArray();
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }
}
