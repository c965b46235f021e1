package org.smcbench.model.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.onnx.OnnxGraph.Initializer;
import org.smcbench.model.onnx.OnnxGraph.Node;

/**
 * The float weights of an ONNX model, under checkpoint names.
 *
 * <p>PyTorch's ONNX export turns every {@code nn.Linear} into {@code MatMul(x, W)} followed by
 * {@code Add(y, bias)}, with {@code W} transposed to {@code [in, out]} and renamed to an anonymous
 * {@code onnx::MatMul_NNN}; only the bias keeps its module name. Each such matrix is therefore
 * named after the bias added to its MatMul output ({@code ….bias} becomes {@code ….weight}) and
 * transposed back to PyTorch's {@code [out, in]}. All other float initializers keep their names.
 *
 * <p>Integer and boolean initializers (index buffers such as BERT's {@code
 * embeddings.position_ids}) are not weights and are left out; a weight in any other precision
 * (float16, bfloat16, double) is an error, as is data stored outside the file.
 */
public final class OnnxInitializers {
  private static final int FLOAT = 1;
  /** UINT8..INT64, BOOL, UINT32, UINT64, UINT4, INT4 in TensorProto.DataType. */
  private static final Set<Integer> INDEX_TYPES = Set.of(2, 3, 4, 5, 6, 7, 9, 12, 13, 21, 22);
  private static final String BIAS = "bias";

  private OnnxInitializers() {}

  /**
   * Reads a serialized ONNX ModelProto (the stream is not closed) and returns its float
   * initializers in file order, MatMul weights renamed and transposed as described above.
   */
  public static LinkedHashMap<String, FloatTensor> read(InputStream modelProto) throws IOException {
    OnnxGraph graph = OnnxGraph.read(modelProto);
    Map<String, FloatTensor> floats = new LinkedHashMap<>();
    for (Initializer init : graph.initializers()) {
      if (init.dataType() == FLOAT) {
        floats.put(init.name(), decode(init));
      } else if (!INDEX_TYPES.contains(init.dataType())) {
        throw new IllegalArgumentException("initializer '" + init.name() + "' has ONNX data type "
            + init.dataType() + "; only FLOAT (1) weights can be imported");
      }
    }
    Map<String, String> renames = matMulWeightNames(graph.nodes(), floats);
    LinkedHashMap<String, FloatTensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, FloatTensor> entry : floats.entrySet()) {
      String newName = renames.get(entry.getKey());
      String name = newName == null ? entry.getKey() : newName;
      FloatTensor tensor = newName == null ? entry.getValue() : entry.getValue().transpose2d();
      if (out.put(name, tensor) != null || (newName != null && floats.containsKey(newName))) {
        throw new IllegalArgumentException("two initializers would be named '" + name + "'");
      }
    }
    return out;
  }

  /** Initializer name of each MatMul weight -> checkpoint name derived from its bias. */
  private static Map<String, String> matMulWeightNames(List<Node> nodes, Map<String, FloatTensor> floats) {
    Map<String, List<Node>> addsByInput = new HashMap<>();
    for (Node node : nodes) {
      if (node.opType().equals("Add")) {
        for (String input : node.inputs()) {
          addsByInput.computeIfAbsent(input, k -> new ArrayList<>()).add(node);
        }
      }
    }
    Map<String, String> names = new HashMap<>();
    for (Node node : nodes) {
      if (!node.opType().equals("MatMul") || node.inputs().size() != 2) {
        continue;
      }
      String weight = node.inputs().get(1);
      FloatTensor matrix = floats.get(weight);
      if (matrix == null) {
        continue; // activation x activation, e.g. attention scores
      }
      if (matrix.shape().length != 2) {
        throw new IllegalArgumentException("MatMul weight '" + weight + "' is not 2-D: "
            + Arrays.toString(matrix.shape()));
      }
      String bias = addedBias(node.outputs().get(0), addsByInput, floats);
      if (bias == null) {
        throw new IllegalArgumentException("cannot name MatMul weight '" + weight
            + "': its output is not added to a named '*." + BIAS + "' initializer");
      }
      long outFeatures = matrix.shape()[1];
      if (floats.get(bias).numel() != outFeatures) {
        throw new IllegalArgumentException("bias '" + bias + "' has " + floats.get(bias).numel()
            + " values but MatMul weight '" + weight + "' has " + outFeatures + " outputs");
      }
      String name = bias.substring(0, bias.length() - BIAS.length()) + "weight";
      String previous = names.put(weight, name);
      if (previous != null && !previous.equals(name)) {
        throw new IllegalArgumentException("MatMul weight '" + weight + "' is shared by '"
            + previous + "' and '" + name + "'");
      }
    }
    return names;
  }

  /** The bias initializer in the single {@code Add(y, bias)} / {@code Add(bias, y)} after y. */
  private static String addedBias(String y, Map<String, List<Node>> addsByInput, Map<String, FloatTensor> floats) {
    String found = null;
    for (Node add : addsByInput.getOrDefault(y, List.of())) {
      for (String input : add.inputs()) {
        boolean isBias = !input.equals(y) && input.endsWith("." + BIAS) && floats.containsKey(input)
            && floats.get(input).shape().length == 1;
        if (isBias) {
          if (found != null) {
            return null; // ambiguous
          }
          found = input;
        }
      }
    }
    return found;
  }

  private static FloatTensor decode(Initializer init) {
    long numel = Arrays.stream(init.dims()).reduce(1, (a, b) -> a * b);
    if (init.external()) {
      throw new IllegalArgumentException("initializer '" + init.name()
          + "' is stored in an external file; only inline data is supported");
    }
    float[] values;
    if (init.rawData() != null) {
      if (init.rawData().length != numel * Float.BYTES) {
        throw new IllegalArgumentException("initializer '" + init.name() + "' has "
            + init.rawData().length + " raw bytes, expected " + numel * Float.BYTES);
      }
      values = new float[Math.toIntExact(numel)];
      // ONNX raw_data is little-endian whatever the platform.
      ByteBuffer.wrap(init.rawData()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    } else if (init.floatData() != null) {
      values = init.floatData();
    } else {
      values = new float[0];
    }
    if (values.length != numel) {
      throw new IllegalArgumentException("initializer '" + init.name() + "' has " + values.length
          + " values for shape " + Arrays.toString(init.dims()));
    }
    return new FloatTensor(init.dims(), values);
  }
}
