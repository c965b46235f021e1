package org.smcbench.model.mbart;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smcbench.model.NamedParameterBlock;
import org.smcbench.model.PrunableTensor;

/**
 * One pre-LayerNorm encoder layer as Hugging Face's {@code MBartEncoderLayer}:
 * {@code x + dropout(selfAttn(LN(x)))}, then the feed-forward sub-layer. Not a block itself: the
 * model registers its three blocks, so parameters keep their flat checkpoint names.
 */
final class MbartEncoderLayer {
  private final MbartConfig config;
  private final MbartAttention selfAttention;
  private final MbartLayerNorm selfNorm;
  private final MbartFeedForward feedForward;

  MbartEncoderLayer(MbartConfig config, int index, long seed) {
    this.config = config;
    String p = "model.encoder.layers." + index + ".";
    selfAttention = new MbartAttention(config, p + "self_attn.", index, seed);
    selfNorm = new MbartLayerNorm(p + "self_attn_layer_norm", config.dModel(), seed);
    feedForward = new MbartFeedForward(config, p, index, seed);
  }

  List<NamedParameterBlock> blocks() {
    return List.of(selfAttention, selfNorm, feedForward);
  }

  void putNamedParameters(Map<String, Parameter> out) {
    blocks().forEach(b -> b.putNamedParameters(out));
  }

  List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>(selfAttention.prunableScope());
    scope.addAll(feedForward.prunableScope());
    return scope;
  }

  /** {@code bias} [B, 1, 1, S]: 0 on real source tokens, very negative on padding. */
  NDArray apply(ParameterStore ps, NDArray x, NDArray bias, boolean training) {
    NDArray h = selfNorm.apply(ps, x, training);
    NDArray attended = selfAttention.attend(ps, h, selfAttention.keys(ps, h, training),
        selfAttention.values(ps, h, training), bias, training);
    x = NamedParameterBlock.dropout(attended, config.dropout(), training).add(x);
    return feedForward.apply(ps, x, training);
  }
}
