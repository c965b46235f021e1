package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.util.Map;

/**
 * A block whose parameters carry their full checkpoint names (e.g. {@code
 * encoder.layer.0.attention.self.query.weight}) and a model seed for {@link SeededInit}; the model
 * families' blocks add their own initialisation conventions on top.
 */
public abstract class NamedParameterBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  protected final long seed;

  protected NamedParameterBlock(long seed) {
    super(VERSION);
    this.seed = seed;
  }

  /** Adds this block's own parameters to {@code out}, by name, in declaration order. */
  public void putNamedParameters(Map<String, Parameter> out) {
    for (Pair<String, Parameter> pair : getDirectParameters()) {
      out.put(pair.getValue().getName(), pair.getValue());
    }
  }

  protected final Parameter add(String name, Parameter.Type type, Shape shape, Initializer initializer) {
    return addParameter(Parameter.builder()
        .setName(name)
        .setType(type)
        .optShape(shape)
        .optInitializer(initializer)
        .build());
  }

  /** Dropout in training only; inference skips the op altogether. */
  public static NDArray dropout(NDArray x, double rate, boolean training) {
    return training && rate > 0 ? Dropout.dropout(x, (float) rate, true).singletonOrThrow() : x;
  }
}
