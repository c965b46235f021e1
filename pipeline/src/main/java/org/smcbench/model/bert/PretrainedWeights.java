package org.smcbench.model.bert;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smcbench.model.CheckpointKeys;
import org.smcbench.model.FloatTensor;

/** Copies a pretrained BERT checkpoint into a model's parameters by Hugging Face name. */
public final class PretrainedWeights {
  private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");

  private PretrainedWeights() {}

  /**
   * Loads {@code weights} into {@code target}. Initialised parameters are overwritten in place;
   * parameters without an array yet are created in {@code manager} straight from the checkpoint
   * (skipping their random initialisation). A model with fewer layers than the checkpoint takes
   * its first layers: checkpoint tensors of layers at or beyond the model's depth are ignored.
   * Any other missing or unexpected key, or a shape mismatch, fails before anything is copied.
   */
  public static void loadInto(Map<String, Parameter> target, Map<String, FloatTensor> weights, NDManager manager) {
    loadInto("pretrained checkpoint", target, weights, manager);
  }

  /** {@link #loadInto(Map, Map, NDManager)}, naming the checkpoint {@code source} in the error. */
  public static void loadInto(String source, Map<String, Parameter> target, Map<String, FloatTensor> weights,
      NDManager manager) {
    int modelLayers = layerCount(target);
    load(source, target, weights, manager, key -> layerOf(key) >= modelLayers);
  }

  /**
   * Loads {@code weights} into {@code target} with every key matching exactly (a checkpoint that
   * carries its own config, such as ESM's, builds the model to its shape); {@code source} names the
   * checkpoint in the error, which lists every missing key, unexpected key and shape mismatch
   * before anything is copied.
   */
  public static void loadExactly(String source, Map<String, Parameter> target, Map<String, FloatTensor> weights,
      NDManager manager) {
    load(source, target, weights, manager, key -> false);
  }

  private static void load(String source, Map<String, Parameter> target, Map<String, FloatTensor> weights,
      NDManager manager, java.util.function.Predicate<String> ignorable) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    weights.forEach((name, tensor) -> shapes.put(name, new Shape(tensor.shape())));
    CheckpointKeys.requireMatch(source, target, shapes, ignorable);
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

  /** 1 + the highest layer index among the model's keys (0 without layers). */
  private static int layerCount(Map<String, Parameter> target) {
    return target.keySet().stream().mapToInt(PretrainedWeights::layerOf).max().orElse(-1) + 1;
  }

  /** Layer index of an {@code encoder.layer.N.} key, -1 for anything else. */
  private static int layerOf(String key) {
    Matcher matcher = LAYER.matcher(key);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }
}
