package org.smcbench.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.model.FloatTensor;

/** Hand-built ModelProtos exercising the naming, transposition and type rules. */
class OnnxInitializersTest {

  @Test
  void namesMatMulWeightsAfterTheirBiasAndTransposesThem() throws IOException {
    byte[] model = model(
        List.of(
            floatTensor("first.bias", new long[] {3}, new float[] {0.1f, 0.2f, 0.3f}, true),
            // [in=2, out=3]: row i holds the weights from input i
            floatTensor("onnx::MatMul_7", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}, true),
            floatTensor("second.bias", new long[] {2}, new float[] {0, 0}, false),
            floatTensor("onnx::MatMul_9", new long[] {3, 2}, new float[] {1, 2, 3, 4, 5, 6}, false),
            int64Tensor("embeddings.position_ids", new long[] {1, 4})),
        List.of(
            node("MatMul", List.of("x", "onnx::MatMul_7"), "y"),
            node("Add", List.of("first.bias", "y"), "z"), // bias first
            node("MatMul", List.of("z", "onnx::MatMul_9"), "u"),
            node("Add", List.of("u", "second.bias"), "v"), // bias second
            node("MatMul", List.of("v", "z"), "w"))); // activations only: ignored

    Map<String, FloatTensor> weights = OnnxInitializers.read(new ByteArrayInputStream(model));

    assertEquals(List.of("first.bias", "first.weight", "second.bias", "second.weight"),
        List.copyOf(weights.keySet()), "file order kept, integer buffer left out");
    FloatTensor first = weights.get("first.weight");
    assertArrayEquals(new long[] {3, 2}, first.shape());
    assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, first.data());
    assertArrayEquals(new long[] {2, 3}, weights.get("second.weight").shape());
    assertArrayEquals(new float[] {1, 3, 5, 2, 4, 6}, weights.get("second.weight").data(),
        "unpacked float_data read the same as raw_data");
    assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, weights.get("first.bias").data());
  }

  @Test
  void rejectsNonFloatWeightsByName() throws IOException {
    byte[] model = model(List.of(tensor("encoder.half.weight", 10, new long[] {2}, new byte[4])), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxInitializers.read(new ByteArrayInputStream(model)));
    assertTrue(e.getMessage().contains("'encoder.half.weight'") && e.getMessage().contains("type 10"),
        e.getMessage());
  }

  @Test
  void rejectsMatMulWeightWithoutBias() throws IOException {
    byte[] model = model(
        List.of(floatTensor("onnx::MatMul_1", new long[] {2, 2}, new float[4], true)),
        List.of(node("MatMul", List.of("x", "onnx::MatMul_1"), "y")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxInitializers.read(new ByteArrayInputStream(model)));
    assertTrue(e.getMessage().contains("'onnx::MatMul_1'"), e.getMessage());
  }

  @Test
  void rejectsTruncatedRawData() throws IOException {
    byte[] model = model(List.of(tensor("w", 1, new long[] {3}, new byte[8])), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxInitializers.read(new ByteArrayInputStream(model)));
    assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("expected 12"), e.getMessage());
  }

  // --- a minimal ONNX writer: field numbers from onnx.proto -------------------------------------

  private static byte[] model(List<byte[]> initializers, List<byte[]> nodes) throws IOException {
    byte[] graph = message(out -> {
      for (byte[] node : nodes) {
        out.writeByteArray(1, node);
      }
      out.writeString(2, "test");
      for (byte[] init : initializers) {
        out.writeByteArray(5, init);
      }
    });
    return message(out -> {
      out.writeInt64(1, 8); // ir_version, skipped by the reader
      out.writeByteArray(7, graph);
    });
  }

  private static byte[] node(String op, List<String> inputs, String output) throws IOException {
    return message(out -> {
      for (String input : inputs) {
        out.writeString(1, input);
      }
      out.writeString(2, output);
      out.writeString(3, op + "_node");
      out.writeString(4, op);
    });
  }

  private static byte[] floatTensor(String name, long[] dims, float[] values, boolean raw) throws IOException {
    if (raw) {
      ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(values);
      return tensor(name, 1, dims, bytes.array());
    }
    return message(out -> {
      for (long dim : dims) {
        out.writeInt64(1, dim); // unpacked dims
      }
      out.writeInt32(2, 1);
      for (float value : values) {
        out.writeFloat(4, value); // unpacked float_data
      }
      out.writeString(8, name);
    });
  }

  private static byte[] int64Tensor(String name, long[] dims) throws IOException {
    long numel = 1;
    for (long dim : dims) {
      numel *= dim;
    }
    return tensor(name, 7, dims, new byte[Math.toIntExact(numel * 8)]);
  }

  private static byte[] tensor(String name, int dataType, long[] dims, byte[] raw) throws IOException {
    return message(out -> {
      byte[] packedDims = message(p -> {
        for (long dim : dims) {
          p.writeInt64NoTag(dim);
        }
      });
      out.writeByteArray(1, packedDims);
      out.writeInt32(2, dataType);
      out.writeString(8, name);
      out.writeByteArray(9, raw);
    });
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Writer writer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writer.write(out);
    out.flush();
    return bytes.toByteArray();
  }
}
