package org.smcbench.model.mbart;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smcbench.model.NamedParameterBlock;
import org.smcbench.model.PrunableTensor;

/**
 * One pre-LayerNorm decoder layer as Hugging Face's {@code MBartDecoderLayer}: causal
 * self-attention, attention over the encoder output, feed-forward, each {@code x + dropout(f(LN(x)))}.
 * Not a block itself: the model registers its five blocks, so parameters keep flat checkpoint names.
 */
final class MbartDecoderLayer {
  /**
   * What a decoding step reuses: keys and values of the target prefix decoded so far (grown by one
   * position per step) and of the source (projected once), rows aligned with the live hypotheses.
   */
  static final class Cache {
    NDArray selfKeys;
    NDArray selfValues;
    NDArray crossKeys;
    NDArray crossValues;
  }

  private final MbartConfig config;
  private final MbartAttention selfAttention;
  private final MbartLayerNorm selfNorm;
  private final MbartAttention crossAttention;
  private final MbartLayerNorm crossNorm;
  private final MbartFeedForward feedForward;

  /** {@code layer} indexes the layerwise tables: decoder layers follow the encoder's. */
  MbartDecoderLayer(MbartConfig config, int index, long seed) {
    this.config = config;
    String p = "model.decoder.layers." + index + ".";
    int layer = config.encoderLayers() + index;
    selfAttention = new MbartAttention(config, p + "self_attn.", layer, seed);
    selfNorm = new MbartLayerNorm(p + "self_attn_layer_norm", config.dModel(), seed);
    crossAttention = new MbartAttention(config, p + "encoder_attn.", layer, seed);
    crossNorm = new MbartLayerNorm(p + "encoder_attn_layer_norm", config.dModel(), seed);
    feedForward = new MbartFeedForward(config, p, layer, seed);
  }

  List<NamedParameterBlock> blocks() {
    return List.of(selfAttention, selfNorm, crossAttention, crossNorm, feedForward);
  }

  void putNamedParameters(Map<String, Parameter> out) {
    blocks().forEach(b -> b.putNamedParameters(out));
  }

  List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>(selfAttention.prunableScope());
    scope.addAll(crossAttention.prunableScope());
    scope.addAll(feedForward.prunableScope());
    return scope;
  }

  /** Sets the cache's cross-attention keys and values from the encoder output [B, S, H]. */
  void cacheSource(ParameterStore ps, NDArray encoderOut, Cache cache) {
    cache.crossKeys = crossAttention.keys(ps, encoderOut, false);
    cache.crossValues = crossAttention.values(ps, encoderOut, false);
  }

  /**
   * Teacher forcing over the whole target prefix [B, T, H]: {@code selfBias} [1, 1, T, T] is the
   * causal mask, {@code crossBias} [B, 1, 1, S] the source padding.
   */
  NDArray apply(ParameterStore ps, NDArray x, NDArray selfBias, NDArray encoderOut, NDArray crossBias,
      boolean training) {
    NDArray h = selfNorm.apply(ps, x, training);
    NDArray attended = selfAttention.attend(ps, h, selfAttention.keys(ps, h, training),
        selfAttention.values(ps, h, training), selfBias, training);
    x = NamedParameterBlock.dropout(attended, config.dropout(), training).add(x);
    h = crossNorm.apply(ps, x, training);
    attended = crossAttention.attend(ps, h, crossAttention.keys(ps, encoderOut, training),
        crossAttention.values(ps, encoderOut, training), crossBias, training);
    x = NamedParameterBlock.dropout(attended, config.dropout(), training).add(x);
    return feedForward.apply(ps, x, training);
  }

  /**
   * One decoding step for the newest position only, x [R, 1, H]: its keys and values are appended
   * to the cache (whose rows the caller has already aligned with x), so no causal mask is needed.
   */
  NDArray step(ParameterStore ps, NDArray x, NDArray crossBias, Cache cache) {
    NDArray h = selfNorm.apply(ps, x, false);
    NDArray k = selfAttention.keys(ps, h, false);
    NDArray v = selfAttention.values(ps, h, false);
    cache.selfKeys = cache.selfKeys == null ? k : NDArrays.concat(new ai.djl.ndarray.NDList(cache.selfKeys, k), 2);
    cache.selfValues = cache.selfValues == null ? v
        : NDArrays.concat(new ai.djl.ndarray.NDList(cache.selfValues, v), 2);
    x = selfAttention.attend(ps, h, cache.selfKeys, cache.selfValues, null, false)
        .add(x);
    h = crossNorm.apply(ps, x, false);
    x = crossAttention.attend(ps, h, cache.crossKeys, cache.crossValues, crossBias, false).add(x);
    return feedForward.apply(ps, x, false);
  }
}
