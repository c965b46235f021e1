package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * What BERT's post-LayerNorm and ESM's pre-LayerNorm layers share: the Q, K, V, O and two FFN
 * matrices with their biases and the two LayerNorms, under Hugging Face's names
 * ({@code encoder.layer.N.attention.self.query.weight}, ...) declared in its state_dict order;
 * their prunable scope; and softmax(Q Kᵀ + bias) V over heads. A subclass places the norms,
 * residuals and any rotation of Q and K.
 */
public abstract class EncoderLayer extends TransformerBlock {
  protected final int index;
  protected final int hidden;
  protected final int heads;
  protected final int headSize;
  protected final double dropout;
  protected final Parameter queryWeight;
  protected final Parameter queryBias;
  protected final Parameter keyWeight;
  protected final Parameter keyBias;
  protected final Parameter valueWeight;
  protected final Parameter valueBias;
  protected final Parameter attnOutWeight;
  protected final Parameter attnOutBias;
  protected final Parameter attnNormWeight;
  protected final Parameter attnNormBias;
  protected final Parameter ffnInWeight;
  protected final Parameter ffnInBias;
  protected final Parameter ffnOutWeight;
  protected final Parameter ffnOutBias;
  protected final Parameter ffnNormWeight;
  protected final Parameter ffnNormBias;

  /**
   * @param attnNorm the attention LayerNorm's name after {@code encoder.layer.N.} (without {@code .weight})
   * @param ffnNorm  the FFN LayerNorm's, likewise
   */
  protected EncoderLayer(long seed, int index, int hidden, int heads, int ffn, double dropout, String attnNorm,
      String ffnNorm) {
    super(seed);
    this.index = index;
    this.hidden = hidden;
    this.heads = heads;
    this.headSize = hidden / heads;
    this.dropout = dropout;
    String p = "encoder.layer." + index + ".";
    queryWeight = matrix(p + "attention.self.query.weight", hidden, hidden);
    queryBias = bias(p + "attention.self.query.bias", hidden);
    keyWeight = matrix(p + "attention.self.key.weight", hidden, hidden);
    keyBias = bias(p + "attention.self.key.bias", hidden);
    valueWeight = matrix(p + "attention.self.value.weight", hidden, hidden);
    valueBias = bias(p + "attention.self.value.bias", hidden);
    attnOutWeight = matrix(p + "attention.output.dense.weight", hidden, hidden);
    attnOutBias = bias(p + "attention.output.dense.bias", hidden);
    attnNormWeight = layerNormWeight(p + attnNorm + ".weight", hidden);
    attnNormBias = layerNormBias(p + attnNorm + ".bias", hidden);
    ffnInWeight = matrix(p + "intermediate.dense.weight", ffn, hidden);
    ffnInBias = bias(p + "intermediate.dense.bias", ffn);
    ffnOutWeight = matrix(p + "output.dense.weight", hidden, ffn);
    ffnOutBias = bias(p + "output.dense.bias", hidden);
    ffnNormWeight = layerNormWeight(p + ffnNorm + ".weight", hidden);
    ffnNormBias = layerNormBias(p + ffnNorm + ".bias", hidden);
  }

  /** Q, K, V, O, FFN in, FFN out of this layer, in that order. */
  public List<PrunableTensor> prunableScope() {
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

  /** [B, T, H] to [B, heads, T, headSize]. */
  protected final NDArray splitHeads(NDArray x) {
    Shape shape = x.getShape();
    return x.reshape(shape.get(0), shape.get(1), heads, headSize).transpose(0, 2, 1, 3);
  }

  /**
   * softmax(q kᵀ + bias) v with dropout on the probabilities, heads merged back to [B, T, H]; q, k
   * and v are [B, heads, T, headSize], q already scaled.
   */
  protected final NDArray attend(NDArray q, NDArray k, NDArray v, NDArray attentionBias, boolean training) {
    Shape shape = q.getShape();
    NDArray probs = q.matMul(k.transpose(0, 1, 3, 2)).add(attentionBias).softmax(-1);
    NDArray context = dropout(probs, dropout, training).matMul(v);
    return context.transpose(0, 2, 1, 3).reshape(shape.get(0), shape.get(2), hidden);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
