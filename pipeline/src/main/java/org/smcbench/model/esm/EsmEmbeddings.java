package org.smcbench.model.esm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
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
 * ESM token embeddings as Hugging Face's {@code EsmEmbeddings}: word embedding, ESM's token
 * dropout, learned absolute positions (ESM-1b only), LayerNorm (ESM-1b only), then padding zeroed.
 * No dropout (Hugging Face disabled it here). Input (ids int64 [B, T], attention mask float [B, T]).
 */
final class EsmEmbeddings extends TransformerBlock {
  static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
  static final String POSITION_EMBEDDINGS = "embeddings.position_embeddings.weight";
  /** Share of tokens replaced by {@code <mask>} in every ESM pre-training run (15 % chosen, 80 % of them masked). */
  private static final float MASK_RATIO_TRAIN = 0.15f * 0.8f;

  private final EsmConfig config;
  private final Parameter words;
  private final Parameter normWeight;
  private final Parameter normBias;
  private final Parameter positions;

  EsmEmbeddings(EsmConfig config, long seed) {
    super(seed);
    this.config = config;
    int h = config.hidden();
    words = embedding(WORD_EMBEDDINGS, config.vocabSize(), h, config.padId());
    normWeight = config.embLayerNormBefore() ? layerNormWeight("embeddings.layer_norm.weight", h) : null;
    normBias = config.embLayerNormBefore() ? layerNormBias("embeddings.layer_norm.bias", h) : null;
    positions = config.rotary() ? null : embedding(POSITION_EMBEDDINGS, config.maxPositions(), h, config.padId());
  }

  /** The word-embedding table, which the masked-LM head reuses as its decoder. */
  Parameter words() {
    return words;
  }

  /** Only the word embeddings: the position table is not prunable. */
  List<PrunableTensor> prunableScope() {
    return List.of(new PrunableTensor(words.getName(), ModuleKind.EMBEDDING, -1, words));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    NDArray mask = inputs.get(1);
    Device device = ids.getDevice();
    NDArray x = lookup(ids, value(ps, words, device, training));
    if (config.tokenDropout()) {
      x = tokenDropout(x, ids, mask);
    }
    if (positions != null) {
      int length = Math.toIntExact(ids.getShape().get(1));
      if (length > config.maxSequenceLength()) {
        throw new IllegalArgumentException("sequence length " + length + " exceeds the position table ("
            + config.maxSequenceLength() + " tokens)");
      }
      x = x.add(lookup(positionIds(ids, config.padId()), value(ps, positions, device, training)));
    }
    if (normWeight != null) {
      x = layerNorm(x, value(ps, normWeight, device, training), value(ps, normBias, device, training),
          config.layerNormEps());
    }
    return new NDList(x.mul(mask.expandDims(-1)));
  }

  /**
   * ESM's "mask dropout": {@code <mask>} rows are zeroed and every row scaled by
   * (1 − 0.12) / (1 − share of masked tokens among the sequence's real tokens), so an unmasked
   * sequence at inference sees the scale it had on average in pre-training.
   */
  private NDArray tokenDropout(NDArray x, NDArray ids, NDArray mask) {
    NDArray isMask = ids.eq(config.maskId()).toType(DataType.FLOAT32, false);
    // An all-padding row would divide 0 by 0; its output is zeroed by the mask anyway.
    NDArray observed = isMask.sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1f));
    NDArray keep = isMask.neg().add(1f).expandDims(-1);
    NDArray denominator = observed.neg().add(1f).reshape(observed.getShape().get(0), 1, 1);
    return GradSafe.times(x.mul(keep), 1f - MASK_RATIO_TRAIN).div(denominator);
  }

  /**
   * RoBERTa / fairseq position ids: {@code padId + 1 + (number of real tokens before this one)}
   * for real tokens, {@code padId} for padding, so padding anywhere leaves real positions unchanged.
   */
  static NDArray positionIds(NDArray ids, int padId) {
    NDArray real = ids.neq(padId).toType(DataType.INT64, false);
    return real.cumSum(1).mul(real).add(padId);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), config.hidden())};
  }
}
