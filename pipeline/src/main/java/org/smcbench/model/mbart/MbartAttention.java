package org.smcbench.model.mbart;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.smcbench.model.GradSafe;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TransformerBlock;

/**
 * Multi-head attention as Hugging Face's {@code MBartAttention} (self- or cross-attention):
 * Q = (x Wq + bq) / sqrt(d), K and V projected from the key/value source, softmax(Q K^T + bias) V,
 * heads merged and projected by Wo. Keys and values are exposed separately so a decoder can cache
 * them: projected once per source sentence for cross-attention, appended per step for self-attention.
 */
final class MbartAttention extends TransformerBlock {
  private final MbartConfig config;
  private final int layer;
  private final Parameter kWeight;
  private final Parameter kBias;
  private final Parameter vWeight;
  private final Parameter vBias;
  private final Parameter qWeight;
  private final Parameter qBias;
  private final Parameter outWeight;
  private final Parameter outBias;

  /** @param prefix e.g. {@code model.decoder.layers.0.encoder_attn.}; {@code layer} indexes the layerwise tables */
  MbartAttention(MbartConfig config, String prefix, int layer, long seed) {
    super(seed);
    this.config = config;
    this.layer = layer;
    int h = config.dModel();
    // Hugging Face's state_dict order: k, v, q, out.
    kWeight = matrix(prefix + "k_proj.weight", h, h);
    kBias = bias(prefix + "k_proj.bias", h);
    vWeight = matrix(prefix + "v_proj.weight", h, h);
    vBias = bias(prefix + "v_proj.bias", h);
    qWeight = matrix(prefix + "q_proj.weight", h, h);
    qBias = bias(prefix + "q_proj.bias", h);
    outWeight = matrix(prefix + "out_proj.weight", h, h);
    outBias = bias(prefix + "out_proj.bias", h);
  }

  List<PrunableTensor> prunableScope() {
    return List.of(
        new PrunableTensor(qWeight.getName(), ModuleKind.ATTN_Q, layer, qWeight),
        new PrunableTensor(kWeight.getName(), ModuleKind.ATTN_K, layer, kWeight),
        new PrunableTensor(vWeight.getName(), ModuleKind.ATTN_V, layer, vWeight),
        new PrunableTensor(outWeight.getName(), ModuleKind.ATTN_O, layer, outWeight));
  }

  /** Keys of {@code source} [B, S, H] as [B, heads, S, d]. */
  NDArray keys(ParameterStore ps, NDArray source, boolean training) {
    return split(linear(ps, source, kWeight, kBias, training));
  }

  /** Values of {@code source} [B, S, H] as [B, heads, S, d]. */
  NDArray values(ParameterStore ps, NDArray source, boolean training) {
    return split(linear(ps, source, vWeight, vBias, training));
  }

  /**
   * Attends from {@code x} [B, T, H] over cached {@code keys}/{@code values} [B, heads, S, d];
   * {@code bias} broadcasts against [B, heads, T, S] (0 attended, very negative masked), or is null
   * when every key is visible.
   */
  NDArray attend(ParameterStore ps, NDArray x, NDArray keys, NDArray values, NDArray bias, boolean training) {
    Shape shape = x.getShape();
    NDArray q = split(GradSafe.times(linear(ps, x, qWeight, qBias, training), Math.pow(config.headSize(), -0.5)));
    NDArray scores = q.matMul(keys.transpose(0, 1, 3, 2));
    NDArray probs = (bias == null ? scores : scores.add(bias)).softmax(-1);
    NDArray context = dropout(probs, config.attentionDropout(), training).matMul(values)
        .transpose(0, 2, 1, 3).reshape(shape.get(0), shape.get(1), config.dModel());
    return linear(ps, context, outWeight, outBias, training);
  }

  /** [B, T, H] to [B, heads, T, d]. */
  private NDArray split(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), config.heads(), config.headSize()).transpose(0, 2, 1, 3);
  }

  /** Inputs (x, keyValueSource, bias): full attention without a cache. */
  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray source = inputs.get(1);
    return new NDList(attend(ps, inputs.get(0), keys(ps, source, training), values(ps, source, training),
        inputs.get(2), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
