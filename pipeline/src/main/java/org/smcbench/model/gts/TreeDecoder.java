package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.smcbench.model.GradSafe;

/**
 * The goal-driven tree decoder's two moves, batched over any set of states (examples of a batch,
 * or beam hypotheses): {@link #step} predicts the next token's distribution for each state's top
 * goal; {@link #advance} applies a chosen token — an operator pops its goal and pushes the right
 * then the left child goal; a leaf pops its goal and, while the subtree stack has a finished left
 * subtree on top, merges it with its operator into a bigger finished subtree, which becomes the
 * next right child's left sibling.
 */
final class TreeDecoder {
  private final GtsConfig config;
  private final GoalPredictor predictor;
  private final GoalGenerator generator;
  private final SubtreeMerger merger;

  TreeDecoder(GtsConfig config, GoalPredictor predictor, GoalGenerator generator, SubtreeMerger merger) {
    this.config = config;
    this.predictor = predictor;
    this.generator = generator;
    this.merger = merger;
  }

  GtsConfig config() {
    return config;
  }

  StepResult step(ParameterStore ps, ProblemMemory memory, List<DecoderState> states, boolean training) {
    return predictor.step(ps, memory, states, training);
  }

  /**
   * New states for {@code tokens[i]} applied to row {@code rows[i]} of {@code step}; a row may be
   * used several times (beam expansions). {@code scores[i]} is added to the state's score.
   */
  List<DecoderState> advance(ParameterStore ps, StepResult step, int[] rows, int[] tokens, double[] scores,
      boolean training) {
    int n = rows.length;
    NDManager manager = step.goals().getManager();
    DecoderState[] out = new DecoderState[n];

    List<Integer> opAt = new ArrayList<>();
    List<Integer> leafAt = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (tokens[i] < config.operators() ? opAt : leafAt).add(i);
    }

    if (!opAt.isEmpty()) {
      long[] opRows = new long[opAt.size()];
      long[] opIds = new long[opAt.size()];
      for (int j = 0; j < opRows.length; j++) {
        opRows[j] = rows[opAt.get(j)];
        opIds[j] = tokens[opAt.get(j)];
      }
      NDArray index = manager.create(opRows);
      GoalGenerator.Children children = generator.generate(ps, step.goals().get(index), step.context().get(index),
          manager.create(opIds), training);
      NDList lefts = children.left().split(opRows.length, 0);
      NDList rights = children.right().split(opRows.length, 0);
      NDList operators = children.operator().split(opRows.length, 0);
      for (int j = 0; j < opRows.length; j++) {
        int i = opAt.get(j);
        DecoderState s = step.order().get(rows[i]);
        out[i] = new DecoderState(s.problem(), s.goals().pop().push(rights.get(j)).push(lefts.get(j)),
            s.subtrees().push(new DecoderState.Subtree(operators.get(j), false)), null, s.append(tokens[i]),
            s.score() + scores[i]);
      }
    }

    if (!leafAt.isEmpty()) {
      int k = config.candidates();
      long h = config.hidden();
      long[] flat = new long[leafAt.size()];
      for (int j = 0; j < flat.length; j++) {
        int i = leafAt.get(j);
        flat[j] = (long) rows[i] * k + (tokens[i] - config.operators());
      }
      long a = step.candidates().getShape().get(0);
      NDList leaves = step.candidates().reshape(a * k, h).get(manager.create(flat)).split(flat.length, 0);
      NDArray[] current = new NDArray[flat.length];
      @SuppressWarnings("unchecked")
      PStack<DecoderState.Subtree>[] stacks = new PStack[flat.length];
      for (int j = 0; j < flat.length; j++) {
        current[j] = leaves.get(j);
        stacks[j] = step.order().get(rows[leafAt.get(j)]).subtrees();
      }
      mergeFinished(ps, current, stacks, training);
      for (int j = 0; j < flat.length; j++) {
        int i = leafAt.get(j);
        DecoderState s = step.order().get(rows[i]);
        out[i] = new DecoderState(s.problem(), s.goals().pop(),
            stacks[j].push(new DecoderState.Subtree(current[j], true)), current[j], s.append(tokens[i]),
            s.score() + scores[i]);
      }
    }
    return List.of(out);
  }

  /** Rounds of merges, each batched over the states whose subtree stack still ends in a finished left subtree. */
  private void mergeFinished(ParameterStore ps, NDArray[] current, PStack<DecoderState.Subtree>[] stacks,
      boolean training) {
    while (true) {
      List<Integer> ready = new ArrayList<>();
      for (int j = 0; j < stacks.length; j++) {
        if (!stacks[j].isEmpty() && stacks[j].peek().terminal()) {
          ready.add(j);
        }
      }
      if (ready.isEmpty()) {
        return;
      }
      List<NDArray> operators = new ArrayList<>(ready.size());
      List<NDArray> lefts = new ArrayList<>(ready.size());
      List<NDArray> rights = new ArrayList<>(ready.size());
      for (int j : ready) {
        PStack<DecoderState.Subtree> afterLeft = stacks[j].pop();
        lefts.add(stacks[j].peek().embedding());
        operators.add(afterLeft.peek().embedding());
        rights.add(current[j]);
        stacks[j] = afterLeft.pop();
      }
      NDList merged = merger.merge(ps, GtsBlock.concat(operators, 0), GtsBlock.concat(lefts, 0),
          GtsBlock.concat(rights, 0), training).split(ready.size(), 0);
      for (int r = 0; r < ready.size(); r++) {
        current[ready.get(r)] = merged.get(r);
      }
    }
  }

  /**
   * Teacher forcing: GTS's masked cross-entropy, i.e. the mean over every target token of the batch
   * of −log p(token), the log-softmax taken over operators, constants and the problem's own
   * quantities. States whose tree is complete drop out of the later steps.
   */
  NDArray loss(ParameterStore ps, ProblemMemory memory, int[][] targets, boolean training) {
    List<DecoderState> states = roots(memory);
    NDManager manager = memory.states().getManager();
    int v = config.outputSize();
    List<NDArray> terms = new ArrayList<>();
    long tokens = 0;
    for (int t = 0; !states.isEmpty(); t++) {
      StepResult step = step(ps, memory, states, training);
      int a = step.order().size();
      int[] rows = new int[a];
      int[] chosen = new int[a];
      float[] oneHot = new float[a * v];
      for (int i = 0; i < a; i++) {
        int[] target = targets[step.order().get(i).problem()];
        if (t >= target.length || target[t] < 0 || target[t] >= v) {
          throw new IllegalArgumentException("target of problem " + step.order().get(i).problem()
              + " is not a well-formed prefix expression over the output vocabulary");
        }
        rows[i] = i;
        chosen[i] = target[t];
        oneHot[i * v + target[t]] = 1;
      }
      terms.add(step.logProbs().mul(GradSafe.owned(manager.create(oneHot, new Shape(a, v)))).sum());
      tokens += a;
      List<DecoderState> next = new ArrayList<>(a);
      for (DecoderState s : advance(ps, step, rows, chosen, new double[a], training)) {
        if (!s.finished()) {
          next.add(s);
        } else if (s.tokens().length != targets[s.problem()].length) {
          throw new IllegalArgumentException("target of problem " + s.problem() + " has tokens past its complete tree");
        }
      }
      states = next;
    }
    NDArray total = terms.size() == 1 ? terms.get(0) : ai.djl.ndarray.NDArrays.stack(new NDList(terms)).sum();
    return GradSafe.dividedBy(total, -tokens);
  }

  static List<DecoderState> roots(ProblemMemory memory) {
    List<DecoderState> roots = new ArrayList<>(memory.problems());
    for (int b = 0; b < memory.problems(); b++) {
      roots.add(DecoderState.root(b, memory.roots().get(b)));
    }
    return roots;
  }
}
