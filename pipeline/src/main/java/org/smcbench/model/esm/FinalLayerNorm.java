package org.smcbench.model.esm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.smcbench.model.TransformerBlock;

/** {@code encoder.emb_layer_norm_after}: the LayerNorm a pre-LN stack needs after its last layer. */
final class FinalLayerNorm extends TransformerBlock {
  private final double eps;
  private final Parameter weight;
  private final Parameter bias;

  FinalLayerNorm(EsmConfig config, long seed) {
    super(seed);
    eps = config.layerNormEps();
    weight = layerNormWeight("encoder.emb_layer_norm_after.weight", config.hidden());
    bias = layerNormBias("encoder.emb_layer_norm_after.bias", config.hidden());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Device device = x.getDevice();
    return new NDList(layerNorm(x, value(ps, weight, device, training), value(ps, bias, device, training), eps));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
