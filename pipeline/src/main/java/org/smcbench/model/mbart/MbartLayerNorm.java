package org.smcbench.model.mbart;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.smcbench.model.TransformerBlock;

/** One named LayerNorm of an mBART model (before a sub-layer, after the embeddings, or at the end of a stack). */
final class MbartLayerNorm extends TransformerBlock {
  private final Parameter weight;
  private final Parameter bias;

  /** @param name e.g. {@code model.encoder.layer_norm}; parameters are {@code name.weight} and {@code name.bias} */
  MbartLayerNorm(String name, int size, long seed) {
    super(seed);
    weight = layerNormWeight(name + ".weight", size);
    bias = layerNormBias(name + ".bias", size);
  }

  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    var device = x.getDevice();
    return layerNorm(x, value(ps, weight, device, training), value(ps, bias, device, training),
        MbartConfig.LAYER_NORM_EPS);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
