package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.ArrayList;
import java.util.List;
import org.smcbench.model.GradSafe;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.SeededInit;

/**
 * Graph2Tree's graph module over the BiGRU states (Zhang et al., 2020; parameter names as its
 * {@code Graph_Module}): four two-layer GCN heads of width H/4, two on the quantity comparison
 * graph and two on the quantity cell graph, concatenated, layer-normalised (Graph2Tree's own
 * LayerNorm: unbiased std, eps added to the std) with a residual, then a position-wise
 * feed-forward with a residual. The adjacency is used as built, with self-loops and without
 * degree normalisation, as the Graph2Tree code feeds it. Dropout 0.3 inside the heads and the
 * feed-forward, as the module's default.
 */
final class GraphEncoder extends GtsBlock {
  static final int HEADS = 4;
  static final double DROPOUT = 0.3;
  private static final double EPS = 1e-6;
  private static final String P = "encoder.gcn.";
  private final GtsConfig config;
  /** Per head: gc1 weight [H, H], gc1 bias, gc2 weight [H, H/4], gc2 bias. */
  private final List<Parameter[]> heads = new ArrayList<>();
  private final Parameter normScale;
  private final Parameter normShift;
  private final Parameter ffnInWeight;
  private final Parameter ffnInBias;
  private final Parameter ffnOutWeight;
  private final Parameter ffnOutBias;

  GraphEncoder(GtsConfig config, long seed) {
    super(seed);
    this.config = config;
    long h = config.hidden();
    if (h % HEADS != 0) {
      throw new IllegalArgumentException("Graph2Tree's hidden size must be a multiple of " + HEADS + ": " + h);
    }
    for (int k = 0; k < HEADS; k++) {
      String head = P + "graph." + k + ".";
      heads.add(new Parameter[] {
          graphWeight(head + "gc1.weight", h, h), graphBias(head + "gc1.bias", h),
          graphWeight(head + "gc2.weight", h, h / HEADS), graphBias(head + "gc2.bias", h / HEADS)});
    }
    normScale = add(P + "norm.a_2", Parameter.Type.GAMMA, new Shape(h), new ConstantInitializer(1f));
    normShift = add(P + "norm.b_2", Parameter.Type.BETA, new Shape(h), new ConstantInitializer(0f));
    ffnInWeight = linearWeight(P + "feed_foward.w_1.weight", h, h, h);
    ffnInBias = linearBias(P + "feed_foward.w_1.bias", h, h);
    ffnOutWeight = linearWeight(P + "feed_foward.w_2.weight", h, h, h);
    ffnOutBias = linearBias(P + "feed_foward.w_2.bias", h, h);
  }

  /** {@code GraphConvolution}'s weight is [in, out] (input @ W), uniform(±1/sqrt(out)). */
  private Parameter graphWeight(String name, long in, long out) {
    return add(name, Parameter.Type.WEIGHT, new Shape(in, out), SeededInit.uniform(seed, name, 1 / Math.sqrt(out)));
  }

  private Parameter graphBias(String name, long out) {
    return add(name, Parameter.Type.BIAS, new Shape(out), SeededInit.uniform(seed, name, 1 / Math.sqrt(out)));
  }

  /**
   * @param states encoder states [B, T, H]
   * @param graphs [B, 2, T, T]: comparison graph, cell graph
   * @return refined states [B, T, H]
   */
  NDArray refine(ParameterStore ps, NDArray states, NDArray graphs, boolean training) {
    NDArray comparison = graphs.get(":, 0");
    NDArray cell = graphs.get(":, 1");
    List<NDArray> features = new ArrayList<>(HEADS);
    for (int k = 0; k < HEADS; k++) {
      features.add(gcn(ps, states, k < 2 ? comparison : cell, heads.get(k), training));
    }
    NDArray g = layerNorm(ps, concat(features, 2), training).add(states);
    NDArray hidden = dropout(Activation.relu(linear(ps, g, ffnInWeight, ffnInBias, training)), DROPOUT, training);
    return linear(ps, hidden, ffnOutWeight, ffnOutBias, training).add(g);
  }

  /** Two graph convolutions: A (X W1) + b1, ReLU, dropout, A (· W2) + b2. */
  private NDArray gcn(ParameterStore ps, NDArray x, NDArray adjacency, Parameter[] head, boolean training) {
    NDArray first = Activation.relu(adjacency.matMul(x.matMul(value(ps, head[0], x, training)))
        .add(value(ps, head[1], x, training)));
    first = dropout(first, DROPOUT, training);
    return adjacency.matMul(first.matMul(value(ps, head[2], x, training))).add(value(ps, head[3], x, training));
  }

  /** a (x − mean) / (std + eps) + b over the last axis, std with Bessel's correction (torch.std). */
  private NDArray layerNorm(ParameterStore ps, NDArray x, boolean training) {
    long h = config.hidden();
    NDArray centered = x.sub(x.mean(new int[] {2}, true));
    NDArray std = GradSafe.dividedBy(centered.square().sum(new int[] {2}, true), h - 1).sqrt();
    return centered.div(std.add(EPS)).mul(value(ps, normScale, x, training)).add(value(ps, normShift, x, training));
  }

  List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>();
    for (int k = 0; k < HEADS; k++) {
      scope.add(prunable(heads.get(k)[0], ModuleKind.GRAPH, k));
      scope.add(prunable(heads.get(k)[2], ModuleKind.GRAPH, k));
    }
    scope.add(prunable(ffnInWeight, ModuleKind.GRAPH, HEADS));
    scope.add(prunable(ffnOutWeight, ModuleKind.GRAPH, HEADS));
    return scope;
  }
}
