package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/**
 * GTS's {@code Merge} ({@code decoder.merge.*}): once both children of an operator are done, the
 * subtree embedding is a gated unit over [operator embedding; left subtree; right subtree].
 */
final class SubtreeMerger extends GtsBlock {
  private final GtsConfig config;
  private final Parameter merge;
  private final Parameter mergeBias;
  private final Parameter mergeGate;
  private final Parameter mergeGateBias;

  SubtreeMerger(GtsConfig config, long seed) {
    super(seed);
    this.config = config;
    long h = config.hidden();
    long in = 2 * h + config.embedding();
    merge = linearWeight("decoder.merge.merge.weight", h, in, in);
    mergeBias = linearBias("decoder.merge.merge.bias", h, in);
    mergeGate = linearWeight("decoder.merge.merge_g.weight", h, in, in);
    mergeGateBias = linearBias("decoder.merge.merge_g.bias", h, in);
  }

  /** operator [M, E], left [M, H], right [M, H] → [M, H]. */
  NDArray merge(ParameterStore ps, NDArray operator, NDArray left, NDArray right, boolean training) {
    double rate = config.dropout();
    NDArray x = dropout(operator, rate, training)
        .concat(dropout(left, rate, training), 1)
        .concat(dropout(right, rate, training), 1);
    return gated(ps, x, merge, mergeBias, mergeGate, mergeGateBias, training);
  }

  List<PrunableTensor> prunableScope() {
    return List.of(prunable(merge, ModuleKind.TREE_DECODER, -1), prunable(mergeGate, ModuleKind.TREE_DECODER, -1));
  }
}
