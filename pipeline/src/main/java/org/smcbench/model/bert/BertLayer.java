package org.smcbench.model.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.smcbench.model.EncoderLayer;
import org.smcbench.model.GradSafe;

/**
 * One post-LayerNorm BERT layer: multi-head self-attention, residual + LayerNorm, FFN with exact
 * (erf) GELU, residual + LayerNorm. Input (x [B, T, H], attention bias [B, 1, 1, T]).
 */
final class BertLayer extends EncoderLayer {
  private final double layerNormEps;

  BertLayer(BertConfig config, int index, long seed) {
    super(seed, index, config.hidden(), config.heads(), config.intermediate(), config.dropout(),
        "attention.output.LayerNorm", "output.LayerNorm");
    layerNormEps = config.layerNormEps();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray attentionBias = inputs.get(1);
    Device device = x.getDevice();

    NDArray context = selfAttention(ps, x, attentionBias, training);
    NDArray attended = dropout(linear(ps, context, attnOutWeight, attnOutBias, training), dropout, training);
    NDArray h = layerNorm(attended.add(x), value(ps, attnNormWeight, device, training),
        value(ps, attnNormBias, device, training), layerNormEps);

    NDArray inner = Activation.gelu(linear(ps, h, ffnInWeight, ffnInBias, training));
    NDArray ffn = dropout(linear(ps, inner, ffnOutWeight, ffnOutBias, training), dropout, training);
    return new NDList(layerNorm(ffn.add(h), value(ps, ffnNormWeight, device, training),
        value(ps, ffnNormBias, device, training), layerNormEps));
  }

  /** softmax(Q K^T / sqrt(d) + bias) V per head, heads merged back to [B, T, H]. */
  private NDArray selfAttention(ParameterStore ps, NDArray x, NDArray attentionBias, boolean training) {
    // Scaling Q ([B, T, H]) is cheaper than scaling the scores ([B, heads, T, T]).
    NDArray q = splitHeads(GradSafe.times(linear(ps, x, queryWeight, queryBias, training), 1.0 / Math.sqrt(headSize)));
    NDArray k = splitHeads(linear(ps, x, keyWeight, keyBias, training));
    NDArray v = splitHeads(linear(ps, x, valueWeight, valueBias, training));
    return attend(q, k, v, attentionBias, training);
  }
}
