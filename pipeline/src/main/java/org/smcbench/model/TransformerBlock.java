package org.smcbench.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/**
 * A named-parameter block of a transformer, initialised by the rule BERT, RoBERTa, ESM and mBART
 * share ({@code init_bert_params}, Hugging Face's {@code _init_weights}): matrices normal(0, 0.02)
 * from a per-name seed, the padding row of an embedding zero, biases and LayerNorm beta 0,
 * LayerNorm gamma 1; plus the few primitives their layers are written in.
 */
public abstract class TransformerBlock extends NamedParameterBlock {
  public static final double INIT_STD = 0.02;

  protected TransformerBlock(long seed) {
    super(seed);
  }

  protected final Parameter matrix(String name, long rows, long cols) {
    return add(name, Parameter.Type.WEIGHT, new Shape(rows, cols), SeededInit.normal(seed, name, INIT_STD));
  }

  /** An embedding table whose {@code paddingRow} starts at zero, as {@code nn.Embedding(padding_idx)}. */
  protected final Parameter embedding(String name, long rows, long cols, int paddingRow) {
    Initializer normal = SeededInit.normal(seed, name, INIT_STD);
    Initializer padded = (manager, shape, dataType) -> {
      NDArray table = normal.initialize(manager, shape, dataType);
      table.set(new NDIndex(paddingRow), 0f); // a fresh array, not yet a leaf that requires grad
      return table;
    };
    return add(name, Parameter.Type.WEIGHT, new Shape(rows, cols), padded);
  }

  protected final Parameter bias(String name, long size) {
    return add(name, Parameter.Type.BIAS, new Shape(size), Initializer.ZEROS);
  }

  protected final Parameter layerNormWeight(String name, long size) {
    return add(name, Parameter.Type.GAMMA, new Shape(size), Initializer.ONES);
  }

  protected final Parameter layerNormBias(String name, long size) {
    return add(name, Parameter.Type.BETA, new Shape(size), Initializer.ZEROS);
  }

  /** LayerNorm over the last axis; the activation is the receiver, so the result stays in its manager. */
  protected static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias, double eps) {
    Shape last = new Shape(x.getShape().get(x.getShape().dimension() - 1));
    return LayerNorm.layerNorm(x, last, weight, bias, (float) eps).singletonOrThrow();
  }

  /** {@code x W^T + b}, as {@code nn.Linear}. */
  protected static NDArray linear(ParameterStore ps, NDArray x, Parameter weight, Parameter bias, boolean training) {
    Device device = x.getDevice();
    NDArray w = ps.getValue(weight, device, training);
    ActivationTap.linearInput(w, x);
    return Linear.linear(x, w, ps.getValue(bias, device, training)).singletonOrThrow();
  }

  protected static NDArray value(ParameterStore ps, Parameter parameter, Device device, boolean training) {
    return ps.getValue(parameter, device, training);
  }

  /** Gathers rows of {@code table}; the index array is the receiver so results stay in its manager. */
  protected static NDArray lookup(NDArray indices, NDArray table) {
    ActivationTap.lookup(table, indices);
    return indices.getNDArrayInternal().embedding(indices, table, ai.djl.ndarray.types.SparseFormat.DENSE)
        .singletonOrThrow();
  }
}
