package org.smcbench.model.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parts of an ONNX {@code ModelProto} that weight import needs: the main graph's nodes (inputs,
 * outputs, op type) and its initializers, read field by field with protobuf's
 * {@link CodedInputStream} and the field numbers of {@code onnx.proto}. Everything else (attributes,
 * value infos, opsets, metadata) is skipped.
 */
record OnnxGraph(List<Node> nodes, List<Initializer> initializers) {

  /** ModelProto.graph */
  private static final int MODEL_GRAPH = 7;
  /** GraphProto.node, GraphProto.initializer */
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  /** NodeProto.input, .output, .op_type */
  private static final int NODE_INPUT = 1;
  private static final int NODE_OUTPUT = 2;
  private static final int NODE_OP_TYPE = 4;
  /** TensorProto.dims, .data_type, .float_data, .name, .raw_data, .data_location */
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_FLOAT_DATA = 4;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  private static final int TENSOR_DATA_LOCATION = 14;

  record Node(String opType, List<String> inputs, List<String> outputs) {}

  /**
   * One initializer as stored: exactly one of {@code rawData} / {@code floatData} carries the
   * values unless the tensor is empty or stored outside the file ({@code external}).
   */
  record Initializer(
      String name, int dataType, long[] dims, byte[] rawData, float[] floatData, boolean external) {}

  /** Reads a serialized ModelProto (the stream is not closed). */
  static OnnxGraph read(InputStream modelProto) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(modelProto);
    in.setSizeLimit(Integer.MAX_VALUE);
    OnnxGraph graph = null;
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
        graph = inMessage(in, () -> readGraph(in));
      } else {
        in.skipField(tag);
      }
    }
    if (graph == null) {
      throw new IOException("ONNX model has no graph");
    }
    return graph;
  }

  private static OnnxGraph readGraph(CodedInputStream in) throws IOException {
    List<Node> nodes = new ArrayList<>();
    List<Initializer> initializers = new ArrayList<>();
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case GRAPH_NODE -> nodes.add(inMessage(in, () -> readNode(in)));
        case GRAPH_INITIALIZER -> initializers.add(inMessage(in, () -> readTensor(in)));
        default -> in.skipField(tag);
      }
    }
    return new OnnxGraph(List.copyOf(nodes), List.copyOf(initializers));
  }

  private static Node readNode(CodedInputStream in) throws IOException {
    String opType = "";
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case NODE_INPUT -> inputs.add(in.readStringRequireUtf8());
        case NODE_OUTPUT -> outputs.add(in.readStringRequireUtf8());
        case NODE_OP_TYPE -> opType = in.readStringRequireUtf8();
        default -> in.skipField(tag);
      }
    }
    return new Node(opType, List.copyOf(inputs), List.copyOf(outputs));
  }

  private static Initializer readTensor(CodedInputStream in) throws IOException {
    String name = "";
    int dataType = 0;
    List<Long> dims = new ArrayList<>();
    byte[] raw = null;
    FloatList floats = new FloatList();
    boolean external = false;
    int tag;
    while ((tag = in.readTag()) != 0) {
      boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      switch (WireFormat.getTagFieldNumber(tag)) {
        case TENSOR_DIMS -> {
          if (packed) {
            inMessage(in, () -> {
              while (!in.isAtEnd()) {
                dims.add(in.readInt64());
              }
              return null;
            });
          } else {
            dims.add(in.readInt64());
          }
        }
        case TENSOR_DATA_TYPE -> dataType = in.readInt32();
        case TENSOR_FLOAT_DATA -> {
          if (packed) {
            inMessage(in, () -> {
              while (!in.isAtEnd()) {
                floats.add(in.readFloat());
              }
              return null;
            });
          } else {
            floats.add(in.readFloat());
          }
        }
        case TENSOR_NAME -> name = in.readStringRequireUtf8();
        case TENSOR_RAW_DATA -> raw = in.readByteArray();
        case TENSOR_DATA_LOCATION -> external = in.readEnum() == 1;
        default -> in.skipField(tag);
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    return new Initializer(name, dataType, shape, raw, floats.size() > 0 ? floats.toArray() : null, external);
  }

  private interface Body<T> {
    T read() throws IOException;
  }

  /** Reads one length-delimited field (sub-message or packed array) with {@code body}. */
  private static <T> T inMessage(CodedInputStream in, Body<T> body) throws IOException {
    int limit = in.pushLimit(in.readRawVarint32());
    T value = body.read();
    in.popLimit(limit);
    return value;
  }

  /** A growable float[]: the packed float_data of a large tensor would box badly in a List. */
  private static final class FloatList {
    private float[] values = new float[16];
    private int size;

    void add(float value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    float[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
