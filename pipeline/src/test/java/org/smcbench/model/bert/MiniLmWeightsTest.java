package org.smcbench.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.model.FloatTensor;

/** The real all-MiniLM-L6-v2 ONNX file, read through {@link OnnxEncoderArtifact}. */
class MiniLmWeightsTest {

  @Test
  void namesAllThirtySixMatricesWithTheirShapes() {
    Map<String, FloatTensor> weights = MiniLmFixture.weights();
    long named = weights.keySet().stream().filter(n -> n.startsWith("encoder.layer.") && n.endsWith(".weight")
        && !n.contains("LayerNorm")).count();
    assertEquals(36, named);
    assertTrue(weights.keySet().stream().noneMatch(n -> n.startsWith("onnx::")), weights.keySet().toString());
    assertShape(weights, "embeddings.word_embeddings.weight", 30522, 384);
    assertShape(weights, "embeddings.position_embeddings.weight", 512, 384);
    assertShape(weights, "embeddings.token_type_embeddings.weight", 2, 384);
    for (int layer = 0; layer < 6; layer++) {
      String p = "encoder.layer." + layer + ".";
      assertShape(weights, p + "attention.self.query.weight", 384, 384);
      assertShape(weights, p + "attention.self.key.weight", 384, 384);
      assertShape(weights, p + "attention.self.value.weight", 384, 384);
      assertShape(weights, p + "attention.output.dense.weight", 384, 384);
      assertShape(weights, p + "intermediate.dense.weight", 1536, 384);
      assertShape(weights, p + "intermediate.dense.bias", 1536);
      assertShape(weights, p + "output.dense.weight", 384, 1536);
    }
    assertEquals(5 + 6 * 16, weights.size(), "3 embeddings + their LayerNorm, 16 tensors per layer");
  }

  @Test
  void encoderHasTheParameterCountOfAllMiniLmL6WithoutPooler() {
    long total = MiniLmFixture.weights().values().stream().mapToLong(FloatTensor::numel).sum();
    // 11,918,592 embeddings + 6 x 1,774,464 per layer; the pooler (147,840) is not in the export.
    assertEquals(22_565_376L, total);
  }

  @Test
  void queryWeightIsTheTransposeOfTheRawInitializer() throws IOException {
    // Layer 0's query projection is the first MatMul of the graph: onnx::MatMul_787, stored [in, out].
    float[] raw = rawInitializer("onnx::MatMul_787", 384 * 384);
    FloatTensor query = MiniLmFixture.weights().get("encoder.layer.0.attention.self.query.weight");
    int in = 2;
    int out = 5;
    assertEquals(-0.09823504f, raw[in * 384 + out], 0f, "value seen with an independent reader");
    assertEquals(raw[in * 384 + out], query.data()[out * 384 + in], 0f);
    assertEquals(raw[383 * 384 + 1], query.data()[384 + 383], 0f);
  }

  /** Reads an initializer's bytes straight from the file: its name, then raw_data (field 9). */
  private static float[] rawInitializer(String name, int numel) throws IOException {
    byte[] file;
    try (OnnxEncoderArtifact artifact = OnnxEncoderArtifact.fromClasspath(); InputStream in = artifact.openOnnx()) {
      file = in.readAllBytes();
    }
    byte[] needle = (name + "J").getBytes(StandardCharsets.US_ASCII); // 'J' = tag of field 9, bytes
    int at = indexOf(file, needle);
    int pos = at + needle.length;
    int length = 0;
    for (int shift = 0; ; shift += 7) {
      int b = file[pos++];
      length |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    assertEquals(numel * 4, length);
    float[] values = new float[numel];
    ByteBuffer.wrap(file, pos, length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found in the ONNX file");
  }

  private static void assertShape(Map<String, FloatTensor> weights, String name, long... shape) {
    FloatTensor tensor = weights.get(name);
    assertTrue(tensor != null, "missing " + name);
    assertArrayEquals(shape, tensor.shape(), name);
  }
}
