package org.smcbench.model.esm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.smcbench.model.ModuleKind;
import java.util.List;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.ModelHead;

/**
 * Hugging Face's {@code EsmLMHead}: dense H x H, exact GELU, LayerNorm, then logits against the
 * word-embedding table (tied, so the decoder is not a parameter of its own) plus {@code lm_head.bias}.
 * Input hidden [B, T, H], output logits [B, T, V].
 */
final class EsmLmHead extends ModelHead {
  private final EsmConfig config;
  /** Owned by the encoder's embeddings; read here, never registered twice. */
  private final Parameter decoder;
  private final Parameter denseWeight;
  private final Parameter denseBias;
  private final Parameter normWeight;
  private final Parameter normBias;
  private final Parameter bias;

  EsmLmHead(EsmConfig config, Parameter wordEmbeddings, long seed) {
    super(seed);
    this.config = config;
    decoder = wordEmbeddings;
    int h = config.hidden();
    denseWeight = matrix("lm_head.dense.weight", h, h);
    denseBias = bias("lm_head.dense.bias", h);
    normWeight = layerNormWeight("lm_head.layer_norm.weight", h);
    normBias = layerNormBias("lm_head.layer_norm.bias", h);
    bias = bias("lm_head.bias", config.vocabSize());
  }

  @Override
  public List<PrunableTensor> prunableScope() {
    return List.of(new PrunableTensor(denseWeight.getName(), ModuleKind.HEAD, -1, denseWeight));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Device device = x.getDevice();
    NDArray dense = Activation.gelu(linear(ps, x, denseWeight, denseBias, training));
    NDArray normed = layerNorm(dense, value(ps, normWeight, device, training), value(ps, normBias, device, training),
        config.layerNormEps());
    return Linear.linear(normed, value(ps, decoder, device, training), value(ps, bias, device, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape x = inputShapes[0];
    return new Shape[] {new Shape(x.get(0), x.get(1), config.vocabSize())};
  }
}
