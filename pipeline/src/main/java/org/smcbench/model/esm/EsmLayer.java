package org.smcbench.model.esm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.smcbench.model.GradSafe;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TransformerBlock;

/**
 * One pre-LayerNorm ESM layer, as Hugging Face's {@code EsmLayer}: x + O(attention(LN(x))), then
 * x + W2 gelu(W1 LN(x)) with exact (erf) GELU. Input (x [B, T, H], additive attention bias
 * [B, 1, 1, T] (padding only) or [B, heads, T, T] (padding plus a structure bias)), plus (cos, sin)
 * [T, d] tables when positions are rotary.
 */
final class EsmLayer extends TransformerBlock {
  private final EsmConfig config;
  private final int index;
  private final Parameter queryWeight;
  private final Parameter queryBias;
  private final Parameter keyWeight;
  private final Parameter keyBias;
  private final Parameter valueWeight;
  private final Parameter valueBias;
  private final Parameter attnOutWeight;
  private final Parameter attnOutBias;
  private final Parameter attnNormWeight;
  private final Parameter attnNormBias;
  private final Parameter ffnInWeight;
  private final Parameter ffnInBias;
  private final Parameter ffnOutWeight;
  private final Parameter ffnOutBias;
  private final Parameter ffnNormWeight;
  private final Parameter ffnNormBias;

  EsmLayer(EsmConfig config, int index, long seed) {
    super(seed);
    this.config = config;
    this.index = index;
    String p = "encoder.layer." + index + ".";
    int h = config.hidden();
    int ffn = config.intermediate();
    // Declaration order is Hugging Face's state_dict order.
    queryWeight = matrix(p + "attention.self.query.weight", h, h);
    queryBias = bias(p + "attention.self.query.bias", h);
    keyWeight = matrix(p + "attention.self.key.weight", h, h);
    keyBias = bias(p + "attention.self.key.bias", h);
    valueWeight = matrix(p + "attention.self.value.weight", h, h);
    valueBias = bias(p + "attention.self.value.bias", h);
    attnOutWeight = matrix(p + "attention.output.dense.weight", h, h);
    attnOutBias = bias(p + "attention.output.dense.bias", h);
    attnNormWeight = layerNormWeight(p + "attention.LayerNorm.weight", h);
    attnNormBias = layerNormBias(p + "attention.LayerNorm.bias", h);
    ffnInWeight = matrix(p + "intermediate.dense.weight", ffn, h);
    ffnInBias = bias(p + "intermediate.dense.bias", ffn);
    ffnOutWeight = matrix(p + "output.dense.weight", h, ffn);
    ffnOutBias = bias(p + "output.dense.bias", h);
    ffnNormWeight = layerNormWeight(p + "LayerNorm.weight", h);
    ffnNormBias = layerNormBias(p + "LayerNorm.bias", h);
  }

  List<PrunableTensor> prunableScope() {
    return List.of(
        prunable(queryWeight, ModuleKind.ATTN_Q),
        prunable(keyWeight, ModuleKind.ATTN_K),
        prunable(valueWeight, ModuleKind.ATTN_V),
        prunable(attnOutWeight, ModuleKind.ATTN_O),
        prunable(ffnInWeight, ModuleKind.FFN_IN),
        prunable(ffnOutWeight, ModuleKind.FFN_OUT));
  }

  private PrunableTensor prunable(Parameter weight, ModuleKind kind) {
    return new PrunableTensor(weight.getName(), kind, index, weight);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray attentionBias = inputs.get(1);
    NDList rotary = inputs.size() > 2 ? inputs.subNDList(2) : null;
    Device device = x.getDevice();
    double rate = config.dropout();
    double eps = config.layerNormEps();

    NDArray normed = layerNorm(x, value(ps, attnNormWeight, device, training),
        value(ps, attnNormBias, device, training), eps);
    NDArray context = selfAttention(ps, normed, attentionBias, rotary, training);
    NDArray h = dropout(linear(ps, context, attnOutWeight, attnOutBias, training), rate, training).add(x);

    NDArray ffnInput = layerNorm(h, value(ps, ffnNormWeight, device, training),
        value(ps, ffnNormBias, device, training), eps);
    NDArray inner = Activation.gelu(linear(ps, ffnInput, ffnInWeight, ffnInBias, training));
    return new NDList(dropout(linear(ps, inner, ffnOutWeight, ffnOutBias, training), rate, training).add(h));
  }

  /** softmax(rot(Q / sqrt(d)) rot(K)^T + bias) V per head, heads merged back to [B, T, H]. */
  private NDArray selfAttention(ParameterStore ps, NDArray x, NDArray attentionBias, NDList rotary, boolean training) {
    Shape shape = x.getShape();
    long batch = shape.get(0);
    long length = shape.get(1);
    int heads = config.heads();
    int headSize = config.headSize();
    // ESM scales Q before the rotation (not the scores after it), as the original code does.
    NDArray q = heads(GradSafe.times(linear(ps, x, queryWeight, queryBias, training), Math.pow(headSize, -0.5)),
        batch, length);
    NDArray k = heads(linear(ps, x, keyWeight, keyBias, training), batch, length);
    NDArray v = heads(linear(ps, x, valueWeight, valueBias, training), batch, length);
    if (rotary != null) {
      q = Rotary.apply(q, rotary.get(0), rotary.get(1));
      k = Rotary.apply(k, rotary.get(0), rotary.get(1));
    }
    NDArray probs = q.matMul(k.transpose(0, 1, 3, 2)).add(attentionBias).softmax(-1);
    NDArray context = dropout(probs, config.dropout(), training).matMul(v);
    return context.transpose(0, 2, 1, 3).reshape(batch, length, config.hidden());
  }

  /** [B, T, H] to [B, heads, T, headSize]. */
  private NDArray heads(NDArray x, long batch, long length) {
    return x.reshape(batch, length, config.heads(), config.headSize()).transpose(0, 2, 1, 3);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
