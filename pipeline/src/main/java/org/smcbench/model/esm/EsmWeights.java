package org.smcbench.model.esm;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smcbench.model.CheckpointKeys;
import org.smcbench.model.FloatTensor;

/**
 * Copies checkpoint tensors into ESM parameters by name. Strict: an ESM checkpoint carries its own
 * config.json, so the model is built to its exact shape and every key must match.
 */
public final class EsmWeights {
  private EsmWeights() {}

  /**
   * Loads {@code weights} into {@code target}. Initialised parameters are overwritten in place;
   * parameters without an array yet are created in {@code manager} straight from the checkpoint
   * (skipping their random initialisation).
   *
   * @param source names the checkpoint in the error message
   * @throws IllegalArgumentException listing every missing key, unexpected key and shape mismatch,
   *     before anything is copied
   */
  public static void loadInto(String source, Map<String, Parameter> target, Map<String, FloatTensor> weights,
      NDManager manager) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    weights.forEach((name, tensor) -> shapes.put(name, new Shape(tensor.shape())));
    CheckpointKeys.requireMatch(source, target, shapes, key -> false);
    for (Map.Entry<String, Parameter> entry : target.entrySet()) {
      copy(weights.get(entry.getKey()).data(), entry.getValue(), manager);
    }
  }

  private static void copy(float[] data, Parameter parameter, NDManager manager) {
    if (parameter.isInitialized()) {
      parameter.getArray().set(FloatBuffer.wrap(data));
      return;
    }
    Initializer own = parameter.getInitializer();
    parameter.setInitializer((m, shape, type) -> m.create(data, shape).toType(type, false));
    try {
      parameter.initialize(manager, DataType.FLOAT32);
    } finally {
      parameter.setInitializer(own); // do not keep the checkpoint array reachable
    }
  }
}
