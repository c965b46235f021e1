package org.smcbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.util.Map;

/**
 * A block whose parameters carry their full checkpoint names (e.g. {@code
 * encoder.layer.0.attention.self.query.weight}) and are initialised as in BERT: matrices
 * normal(0, 0.02) from a per-name seed, biases and LayerNorm beta 0, LayerNorm gamma 1.
 */
abstract class NamedBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final long seed;

  NamedBlock(long seed) {
    super(VERSION);
    this.seed = seed;
  }

  /** Adds this block's own parameters to {@code out}, by name, in declaration order. */
  void putNamedParameters(Map<String, Parameter> out) {
    for (Pair<String, Parameter> pair : getDirectParameters()) {
      out.put(pair.getValue().getName(), pair.getValue());
    }
  }

  final Parameter matrix(String name, long rows, long cols) {
    return add(name, Parameter.Type.WEIGHT, new Shape(rows, cols), SeededNormal.forParameter(seed, name));
  }

  final Parameter bias(String name, long size) {
    return add(name, Parameter.Type.BIAS, new Shape(size), Initializer.ZEROS);
  }

  final Parameter layerNormWeight(String name, long size) {
    return add(name, Parameter.Type.GAMMA, new Shape(size), Initializer.ONES);
  }

  final Parameter layerNormBias(String name, long size) {
    return add(name, Parameter.Type.BETA, new Shape(size), Initializer.ZEROS);
  }

  /** LayerNorm over the last axis; the activation is the receiver, so the result stays in its manager. */
  static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias, double eps) {
    Shape last = new Shape(x.getShape().get(x.getShape().dimension() - 1));
    return LayerNorm.layerNorm(x, last, weight, bias, (float) eps).singletonOrThrow();
  }

  /** Dropout in training only; inference skips the op altogether. */
  static NDArray dropout(NDArray x, double rate, boolean training) {
    return training && rate > 0 ? Dropout.dropout(x, (float) rate, true).singletonOrThrow() : x;
  }

  private Parameter add(String name, Parameter.Type type, Shape shape, Initializer initializer) {
    return addParameter(Parameter.builder()
        .setName(name)
        .setType(type)
        .optShape(shape)
        .optInitializer(initializer)
        .build());
  }
}
