package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.NamedParameterBlock;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.SeededInit;

/**
 * A GTS sub-block: parameters under their full names, PyTorch-default initialisation, and the
 * primitives every module uses. Sub-blocks are called through typed methods, not {@code forward}.
 * Activations are always the receivers of ops (never a parameter), so results stay in the
 * activation's (per-step) manager.
 */
abstract class GtsBlock extends NamedParameterBlock {
  GtsBlock(long seed) {
    super(seed);
  }

  /** {@code nn.Linear}'s weight [out, in]: uniform(±1/sqrt(fanIn)). */
  final Parameter linearWeight(String name, long out, long in, long fanIn) {
    return add(name, Parameter.Type.WEIGHT, new Shape(out, in), SeededInit.uniform(seed, name, 1 / Math.sqrt(fanIn)));
  }

  /** {@code nn.Linear}'s bias: uniform(±1/sqrt(fanIn)). */
  final Parameter linearBias(String name, long out, long fanIn) {
    return add(name, Parameter.Type.BIAS, new Shape(out), SeededInit.uniform(seed, name, 1 / Math.sqrt(fanIn)));
  }

  /** {@code nn.Embedding} / {@code torch.randn} table: normal(0, 1). */
  final Parameter embeddingTable(String name, long rows, long cols) {
    return add(name, Parameter.Type.WEIGHT, new Shape(rows, cols), SeededInit.normal(seed, name, 1.0));
  }

  /** A recurrent weight or bias: uniform(±1/sqrt(hidden)), as {@code nn.GRU}. */
  final Parameter recurrent(String name, Shape shape, long hidden, boolean weight) {
    return add(name, weight ? Parameter.Type.WEIGHT : Parameter.Type.BIAS, shape,
        SeededInit.uniform(seed, name, 1 / Math.sqrt(hidden)));
  }

  static PrunableTensor prunable(Parameter p, ModuleKind kind, int layer) {
    return new PrunableTensor(p.getName(), kind, layer, p);
  }

  static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
    return ps.getValue(p, like.getDevice(), training);
  }

  /** x W^T + b; {@code bias} null means none (a zero bias in x's manager: the engine wants one). */
  static NDArray linear(ParameterStore ps, NDArray x, Parameter weight, Parameter bias, boolean training) {
    NDArray w = value(ps, weight, x, training);
    NDArray b = bias == null ? x.getManager().zeros(new Shape(w.getShape().get(0)), x.getDataType(), x.getDevice())
        : value(ps, bias, x, training);
    org.smcbench.model.ActivationTap.linearInput(w, x);
    return Linear.linear(x, w, b).singletonOrThrow();
  }

  /** GTS's gated unit: tanh(W x + b) ⊙ sigmoid(W_g x + b_g). */
  static NDArray gated(ParameterStore ps, NDArray x, Parameter w, Parameter b, Parameter wg, Parameter bg,
      boolean training) {
    NDArray value = linear(ps, x, w, b, training).tanh();
    NDArray gate = Activation.sigmoid(linear(ps, x, wg, bg, training));
    return value.mul(gate);
  }

  /** Rows of {@code table}; the index array is the receiver so results stay in its manager. */
  static NDArray lookup(NDArray indices, NDArray table) {
    org.smcbench.model.ActivationTap.lookup(table, indices);
    return indices.getNDArrayInternal().embedding(indices, table, SparseFormat.DENSE).singletonOrThrow();
  }

  static NDArray concat(List<NDArray> parts, int axis) {
    return parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), axis);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is called through its typed methods");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is called through its typed methods");
  }
}
