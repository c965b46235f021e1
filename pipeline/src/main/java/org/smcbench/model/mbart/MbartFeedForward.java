package org.smcbench.model.mbart;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/**
 * The pre-LayerNorm feed-forward sub-layer of an mBART layer, and the LayerNorms before each
 * sub-layer: {@code x + dropout(fc2(dropout_act(gelu(fc1(LN(x))))))}. Every norm of a layer is here
 * so the layer's parameters keep Hugging Face's state_dict order.
 */
final class MbartFeedForward extends org.smcbench.model.TransformerBlock {
  private final MbartConfig config;
  private final int layer;
  private final Parameter fc1Weight;
  private final Parameter fc1Bias;
  private final Parameter fc2Weight;
  private final Parameter fc2Bias;
  private final Parameter normWeight;
  private final Parameter normBias;

  MbartFeedForward(MbartConfig config, String prefix, int layer, long seed) {
    super(seed);
    this.config = config;
    this.layer = layer;
    int h = config.dModel();
    fc1Weight = matrix(prefix + "fc1.weight", config.ffn(), h);
    fc1Bias = bias(prefix + "fc1.bias", config.ffn());
    fc2Weight = matrix(prefix + "fc2.weight", h, config.ffn());
    fc2Bias = bias(prefix + "fc2.bias", h);
    normWeight = layerNormWeight(prefix + "final_layer_norm.weight", h);
    normBias = layerNormBias(prefix + "final_layer_norm.bias", h);
  }

  List<PrunableTensor> prunableScope() {
    return List.of(
        new PrunableTensor(fc1Weight.getName(), ModuleKind.FFN_IN, layer, fc1Weight),
        new PrunableTensor(fc2Weight.getName(), ModuleKind.FFN_OUT, layer, fc2Weight));
  }

  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    var device = x.getDevice();
    NDArray h = layerNorm(x, value(ps, normWeight, device, training), value(ps, normBias, device, training),
        MbartConfig.LAYER_NORM_EPS);
    NDArray inner = dropout(Activation.gelu(linear(ps, h, fc1Weight, fc1Bias, training)), config.activationDropout(),
        training);
    return dropout(linear(ps, inner, fc2Weight, fc2Bias, training), config.dropout(), training).add(x);
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
