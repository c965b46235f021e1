package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's weights as one safetensors file keyed by checkpoint names, through DJL's own codec
 * ({@link NDList#encode(OutputStream, NDList.Encoding)} / {@link NDList#decode}); readable by the
 * Python {@code safetensors} package too. Values round-trip bit for bit.
 */
public final class ModelWeights {
  private ModelWeights() {}

  /** Writes every parameter under its key (the stream is not closed). */
  public static void save(Map<String, Parameter> parameters, OutputStream out) throws IOException {
    try (NDList named = new NDList(parameters.size())) {
      for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
        NDArray array = entry.getValue().getArray();
        // A view carries the key, so the parameter's own array keeps its name.
        NDArray view = array.reshape(array.getShape());
        view.setName(entry.getKey());
        named.add(view);
      }
      named.encode(out, NDList.Encoding.SAFETENSORS);
    }
  }

  /**
   * Overwrites every parameter with the tensor of the same key (the stream is not closed). The
   * parameters must be initialised; keys and shapes must match exactly ({@link CheckpointKeys}).
   */
  public static void load(Map<String, Parameter> parameters, InputStream in) throws IOException {
    List<String> uninitialised = new ArrayList<>();
    parameters.forEach((name, p) -> {
      if (!p.isInitialized()) {
        uninitialised.add(name);
      }
    });
    if (!uninitialised.isEmpty()) {
      throw new IllegalStateException("initialise the model before loading weights; uninitialised: " + uninitialised);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, NDArray> arrays = new LinkedHashMap<>();
      for (NDArray array : NDList.decode(manager, in)) {
        if (arrays.put(array.getName(), array) != null) {
          throw new IllegalArgumentException("weights file holds '" + array.getName() + "' twice");
        }
      }
      Map<String, Shape> shapes = new LinkedHashMap<>();
      arrays.forEach((name, array) -> shapes.put(name, array.getShape()));
      CheckpointKeys.requireMatch("weights file", parameters, shapes, key -> false);
      for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
        NDArray target = entry.getValue().getArray();
        NDArray source = arrays.get(entry.getKey()).toType(target.getDataType(), false);
        target.set(ByteBuffer.wrap(source.toByteArray()));
      }
    }
  }
}
