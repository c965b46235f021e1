package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/**
 * GTS's {@code GenerateNode} ({@code decoder.generate.*}): for an operator node, the left and right
 * child goals from [q; c; operator embedding], each a gated unit. The right goal is refined later,
 * once the left subtree is done, by {@link GoalPredictor} with that subtree's embedding.
 */
final class GoalGenerator extends GtsBlock {
  private final GtsConfig config;
  private final Parameter embedding;
  private final Parameter left;
  private final Parameter leftBias;
  private final Parameter leftGate;
  private final Parameter leftGateBias;
  private final Parameter right;
  private final Parameter rightBias;
  private final Parameter rightGate;
  private final Parameter rightGateBias;

  GoalGenerator(GtsConfig config, long seed) {
    super(seed);
    this.config = config;
    long h = config.hidden();
    long in = 2 * h + config.embedding();
    String p = "decoder.generate.";
    embedding = embeddingTable(p + "embedding.weight", config.operators(), config.embedding());
    left = linearWeight(p + "generate_l.weight", h, in, in);
    leftBias = linearBias(p + "generate_l.bias", h, in);
    leftGate = linearWeight(p + "generate_lg.weight", h, in, in);
    leftGateBias = linearBias(p + "generate_lg.bias", h, in);
    right = linearWeight(p + "generate_r.weight", h, in, in);
    rightBias = linearBias(p + "generate_r.bias", h, in);
    rightGate = linearWeight(p + "generate_rg.weight", h, in, in);
    rightGateBias = linearBias(p + "generate_rg.bias", h, in);
  }

  /** Child goals and the operator embeddings (undropped, kept for the merge). */
  record Children(NDArray left, NDArray right, NDArray operator) {}

  /** @param goal q [M, H]; context c [M, H]; operatorIds [M] int64 */
  Children generate(ParameterStore ps, NDArray goal, NDArray context, NDArray operatorIds, boolean training) {
    double rate = config.dropout();
    NDArray operator = lookup(operatorIds, value(ps, embedding, goal, training));
    NDArray x = dropout(goal, rate, training)
        .concat(dropout(context, rate, training), 1)
        .concat(dropout(operator, rate, training), 1);
    return new Children(
        gated(ps, x, left, leftBias, leftGate, leftGateBias, training),
        gated(ps, x, right, rightBias, rightGate, rightGateBias, training),
        operator);
  }

  List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>();
    scope.add(prunable(embedding, ModuleKind.EMBEDDING, -1));
    for (Parameter p : List.of(left, leftGate, right, rightGate)) {
      scope.add(prunable(p, ModuleKind.TREE_DECODER, -1));
    }
    return scope;
  }
}
