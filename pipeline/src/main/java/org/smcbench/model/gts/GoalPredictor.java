package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/**
 * GTS's {@code Prediction} ({@code decoder.predict.*}): turns the top goal into the current node's
 * goal q (from the goal alone, or from the goal and the left sibling's subtree for a right child),
 * attends over the encoder states with q to get the context c, and scores the output vocabulary:
 * operators by a linear layer on [q; c], leaves (learned constant embeddings and the problem's
 * quantity encoder states — the copy) by an additive score against [q; c].
 *
 * <p>GTS's attention and leaf score are one linear layer over a concatenation; here each is split
 * into its two column blocks (same function, fan-in initialisation of the whole), so the
 * encoder-state and candidate halves are computed once per batch instead of once per node.
 * GTS's attention score layer also has a bias, which softmax ignores: it is left out.
 */
final class GoalPredictor extends GtsBlock {
  static final float MASKED = -1e12f;

  private final GtsConfig config;
  private final Parameter constants;
  private final Parameter concatL;
  private final Parameter concatLBias;
  private final Parameter concatLg;
  private final Parameter concatLgBias;
  private final Parameter concatR;
  private final Parameter concatRBias;
  private final Parameter concatRg;
  private final Parameter concatRgBias;
  private final Parameter attnGoal;
  private final Parameter attnMemory;
  private final Parameter attnBias;
  private final Parameter attnScore;
  private final Parameter scoreLeaf;
  private final Parameter scoreCandidate;
  private final Parameter scoreBias;
  private final Parameter scoreOut;
  private final Parameter ops;
  private final Parameter opsBias;

  GoalPredictor(GtsConfig config, long seed) {
    super(seed);
    this.config = config;
    long h = config.hidden();
    String p = "decoder.predict.";
    constants = config.constants() > 0 ? embeddingTable(p + "constants.weight", config.constants(), h) : null;
    concatL = linearWeight(p + "concat_l.weight", h, h, h);
    concatLBias = linearBias(p + "concat_l.bias", h, h);
    concatLg = linearWeight(p + "concat_lg.weight", h, h, h);
    concatLgBias = linearBias(p + "concat_lg.bias", h, h);
    concatR = linearWeight(p + "concat_r.weight", h, 2 * h, 2 * h);
    concatRBias = linearBias(p + "concat_r.bias", h, 2 * h);
    concatRg = linearWeight(p + "concat_rg.weight", h, 2 * h, 2 * h);
    concatRgBias = linearBias(p + "concat_rg.bias", h, 2 * h);
    attnGoal = linearWeight(p + "attn.goal.weight", h, h, 2 * h);
    attnMemory = linearWeight(p + "attn.memory.weight", h, h, 2 * h);
    attnBias = linearBias(p + "attn.bias", h, 2 * h);
    attnScore = linearWeight(p + "attn.score.weight", 1, h, h);
    scoreLeaf = linearWeight(p + "score.leaf.weight", h, 2 * h, 3 * h);
    scoreCandidate = linearWeight(p + "score.candidate.weight", h, h, 3 * h);
    scoreBias = linearBias(p + "score.bias", h, 3 * h);
    scoreOut = linearWeight(p + "score.score.weight", 1, h, h);
    ops = linearWeight(p + "ops.weight", config.operators(), 2 * h, 2 * h);
    opsBias = linearBias(p + "ops.bias", config.operators(), 2 * h);
  }

  /**
   * @param quantities input position per quantity slot [B][maxQuantities] (any value past count)
   * @param counts     quantities per problem
   */
  ProblemMemory memory(ParameterStore ps, BiGruEncoder.Encoded encoded, long[] lengths, long[][] quantities,
      long[] counts, boolean training) {
    NDArray states = encoded.states();
    NDManager manager = states.getManager();
    int b = Math.toIntExact(states.getShape().get(0));
    int t = Math.toIntExact(states.getShape().get(1));
    long h = config.hidden();
    int q = config.maxQuantities();
    int k = config.candidates();

    float[] seqBias = new float[b * t];
    float[] candBias = new float[b * k];
    long[] quantityRows = new long[b * q];
    for (int i = 0; i < b; i++) {
      for (int j = (int) lengths[i]; j < t; j++) {
        seqBias[i * t + j] = MASKED;
      }
      for (int j = 0; j < q; j++) {
        boolean real = j < counts[i];
        quantityRows[i * q + j] = (long) i * t + (real ? quantities[i][j] : 0);
        if (!real) {
          candBias[i * k + config.constants() + j] = MASKED;
        }
      }
    }
    NDArray quantityStates = states.reshape((long) b * t, h).get(manager.create(quantityRows)).reshape(b, q, h);
    NDArray candidates = quantityStates;
    if (constants != null) {
      long[] ids = new long[b * config.constants()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = i % config.constants();
      }
      NDArray constantRows = lookup(manager.create(ids, new Shape(b, config.constants())),
          value(ps, constants, states, training));
      candidates = constantRows.concat(quantityStates, 1);
    }
    NDArray attentionMemory = linear(ps, states, attnMemory, attnBias, training);
    NDList roots = encoded.problem().split(b, 0);
    return new ProblemMemory(states, attentionMemory, manager.create(seqBias, new Shape(b, t)), candidates,
        manager.create(candBias, new Shape(b, k)), roots);
  }

  StepResult step(ParameterStore ps, ProblemMemory memory, List<DecoderState> states, boolean training) {
    double rate = config.dropout();
    List<DecoderState> plain = new ArrayList<>();
    List<DecoderState> right = new ArrayList<>();
    for (DecoderState s : states) {
      (s.leftSibling() == null ? plain : right).add(s);
    }
    List<DecoderState> order = new ArrayList<>(plain);
    order.addAll(right);
    List<NDArray> goalParts = new ArrayList<>(2);
    if (!plain.isEmpty()) {
      NDArray g = dropout(concat(tops(plain), 0), rate, training);
      goalParts.add(gated(ps, g, concatL, concatLBias, concatLg, concatLgBias, training));
    }
    if (!right.isEmpty()) {
      List<NDArray> lefts = new ArrayList<>(right.size());
      for (DecoderState s : right) {
        lefts.add(s.leftSibling());
      }
      NDArray l = dropout(concat(lefts, 0), rate, training);
      NDArray g = dropout(concat(tops(right), 0), rate, training);
      goalParts.add(gated(ps, l.concat(g, 1), concatR, concatRBias, concatRg, concatRgBias, training));
    }
    NDArray goal = concat(goalParts, 0);
    int a = order.size();
    long[] problems = new long[a];
    for (int i = 0; i < a; i++) {
      problems[i] = order.get(i).problem();
    }
    NDArray rows = goal.getManager().create(problems);

    // attention: softmax_t( v · tanh(W_m h_t + W_q q + b) ), padding masked
    NDArray query = linear(ps, dropout(goal, rate, training), attnGoal, null, training).expandDims(1);
    NDArray energy = memory.attentionMemory().get(rows).add(query).tanh();
    NDArray scores = linear(ps, energy, attnScore, null, training).squeeze(2).add(memory.sequenceBias().get(rows));
    NDArray weights = scores.softmax(1);
    NDArray context = weights.expandDims(1).matMul(memory.states().get(rows)).squeeze(1);

    NDArray leaf = dropout(goal.concat(context, 1), rate, training);
    NDArray opScores = linear(ps, leaf, ops, opsBias, training);
    NDArray candidates = memory.candidates().get(rows);
    NDArray candidateEnergy = linear(ps, dropout(candidates, rate, training), scoreCandidate, scoreBias, training)
        .add(linear(ps, leaf, scoreLeaf, null, training).expandDims(1)).tanh();
    NDArray leafScores = linear(ps, candidateEnergy, scoreOut, null, training).squeeze(2)
        .add(memory.candidateBias().get(rows));
    NDArray logProbs = opScores.concat(leafScores, 1).logSoftmax(1);
    return new StepResult(order, goal, context, logProbs, candidates);
  }

  private static List<NDArray> tops(List<DecoderState> states) {
    List<NDArray> out = new ArrayList<>(states.size());
    for (DecoderState s : states) {
      out.add(s.goals().peek());
    }
    return out;
  }

  List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>();
    if (constants != null) {
      scope.add(prunable(constants, ModuleKind.EMBEDDING, -1));
    }
    for (Parameter p : List.of(concatL, concatLg, concatR, concatRg, attnGoal, attnMemory, attnScore, scoreLeaf,
        scoreCandidate, scoreOut, ops)) {
      scope.add(prunable(p, ModuleKind.TREE_DECODER, -1));
    }
    return scope;
  }
}
