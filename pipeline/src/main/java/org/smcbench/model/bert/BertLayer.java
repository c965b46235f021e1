package org.smcbench.model.bert;

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
 * One post-LayerNorm BERT layer: multi-head self-attention, residual + LayerNorm, FFN with exact
 * (erf) GELU, residual + LayerNorm. Input (x [B, T, H], attention bias [B, 1, 1, T]).
 */
final class BertLayer extends TransformerBlock {
  private final BertConfig config;
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

  BertLayer(BertConfig config, int index, long seed) {
    super(seed);
    this.config = config;
    this.index = index;
    String p = "encoder.layer." + index + ".";
    int h = config.hidden();
    int ffn = config.intermediate();
    queryWeight = matrix(p + "attention.self.query.weight", h, h);
    queryBias = bias(p + "attention.self.query.bias", h);
    keyWeight = matrix(p + "attention.self.key.weight", h, h);
    keyBias = bias(p + "attention.self.key.bias", h);
    valueWeight = matrix(p + "attention.self.value.weight", h, h);
    valueBias = bias(p + "attention.self.value.bias", h);
    attnOutWeight = matrix(p + "attention.output.dense.weight", h, h);
    attnOutBias = bias(p + "attention.output.dense.bias", h);
    attnNormWeight = layerNormWeight(p + "attention.output.LayerNorm.weight", h);
    attnNormBias = layerNormBias(p + "attention.output.LayerNorm.bias", h);
    ffnInWeight = matrix(p + "intermediate.dense.weight", ffn, h);
    ffnInBias = bias(p + "intermediate.dense.bias", ffn);
    ffnOutWeight = matrix(p + "output.dense.weight", h, ffn);
    ffnOutBias = bias(p + "output.dense.bias", h);
    ffnNormWeight = layerNormWeight(p + "output.LayerNorm.weight", h);
    ffnNormBias = layerNormBias(p + "output.LayerNorm.bias", h);
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
    Device device = x.getDevice();
    double rate = config.dropout();

    NDArray context = selfAttention(ps, x, attentionBias, device, training);
    NDArray attended = dropout(linear(ps, context, attnOutWeight, attnOutBias, training), rate, training);
    NDArray h = layerNorm(attended.add(x), value(ps, attnNormWeight, device, training),
        value(ps, attnNormBias, device, training), config.layerNormEps());

    NDArray inner = Activation.gelu(linear(ps, h, ffnInWeight, ffnInBias, training));
    NDArray ffn = dropout(linear(ps, inner, ffnOutWeight, ffnOutBias, training), rate, training);
    return new NDList(layerNorm(ffn.add(h), value(ps, ffnNormWeight, device, training),
        value(ps, ffnNormBias, device, training), config.layerNormEps()));
  }

  /** softmax(Q K^T / sqrt(d) + bias) V per head, heads merged back to [B, T, H]. */
  private NDArray selfAttention(ParameterStore ps, NDArray x, NDArray attentionBias, Device device, boolean training) {
    Shape shape = x.getShape();
    long batch = shape.get(0);
    long length = shape.get(1);
    int heads = config.heads();
    int headSize = config.headSize();
    // Scaling Q ([B, T, H]) is cheaper than scaling the scores ([B, heads, T, T]).
    NDArray q = GradSafe.times(linear(ps, x, queryWeight, queryBias, training), 1.0 / Math.sqrt(headSize))
        .reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3);
    NDArray kT = linear(ps, x, keyWeight, keyBias, training)
        .reshape(batch, length, heads, headSize).transpose(0, 2, 3, 1);
    NDArray v = linear(ps, x, valueWeight, valueBias, training)
        .reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3);
    NDArray probs = q.matMul(kT).add(attentionBias).softmax(-1);
    NDArray context = dropout(probs, config.dropout(), training).matMul(v);
    return context.transpose(0, 2, 1, 3).reshape(batch, length, config.hidden());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
