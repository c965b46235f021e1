package org.smcbench.model.esm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.smcbench.model.EncoderLayer;
import org.smcbench.model.GradSafe;

/**
 * One pre-LayerNorm ESM layer, as Hugging Face's {@code EsmLayer}: x + O(attention(LN(x))), then
 * x + W2 gelu(W1 LN(x)) with exact (erf) GELU. Input (x [B, T, H], additive attention bias
 * [B, 1, 1, T] (padding only) or [B, heads, T, T] (padding plus a structure bias)), plus (cos, sin)
 * [T, d] tables when positions are rotary.
 */
final class EsmLayer extends EncoderLayer {
  private final double layerNormEps;

  EsmLayer(EsmConfig config, int index, long seed) {
    super(seed, index, config.hidden(), config.heads(), config.intermediate(), config.dropout(),
        "attention.LayerNorm", "LayerNorm");
    layerNormEps = config.layerNormEps();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray attentionBias = inputs.get(1);
    NDList rotary = inputs.size() > 2 ? inputs.subNDList(2) : null;
    Device device = x.getDevice();

    NDArray normed = layerNorm(x, value(ps, attnNormWeight, device, training),
        value(ps, attnNormBias, device, training), layerNormEps);
    NDArray context = selfAttention(ps, normed, attentionBias, rotary, training);
    NDArray h = dropout(linear(ps, context, attnOutWeight, attnOutBias, training), dropout, training).add(x);

    NDArray ffnInput = layerNorm(h, value(ps, ffnNormWeight, device, training),
        value(ps, ffnNormBias, device, training), layerNormEps);
    NDArray inner = Activation.gelu(linear(ps, ffnInput, ffnInWeight, ffnInBias, training));
    return new NDList(dropout(linear(ps, inner, ffnOutWeight, ffnOutBias, training), dropout, training).add(h));
  }

  /** softmax(rot(Q / sqrt(d)) rot(K)^T + bias) V per head, heads merged back to [B, T, H]. */
  private NDArray selfAttention(ParameterStore ps, NDArray x, NDArray attentionBias, NDList rotary, boolean training) {
    // ESM scales Q before the rotation (not the scores after it), as the original code does.
    NDArray q = splitHeads(GradSafe.times(linear(ps, x, queryWeight, queryBias, training), Math.pow(headSize, -0.5)));
    NDArray k = splitHeads(linear(ps, x, keyWeight, keyBias, training));
    NDArray v = splitHeads(linear(ps, x, valueWeight, valueBias, training));
    if (rotary != null) {
      q = Rotary.apply(q, rotary.get(0), rotary.get(1));
      k = Rotary.apply(k, rotary.get(0), rotary.get(1));
    }
    return attend(q, k, v, attentionBias, training);
  }
}
