package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * One partial tree of one problem (a training example or a beam hypothesis), as in GTS: the stack
 * of goals still to realise (top = next node), the stack of finished subtrees and pending operators
 * (operator embeddings interleaved with terminal subtree embeddings), and the left sibling's
 * subtree embedding when the next node is a right child. Rows are [1, H] (operators [1, E]).
 */
record DecoderState(int problem, PStack<NDArray> goals, PStack<Subtree> subtrees, NDArray leftSibling,
    int[] tokens, double score) {

  /** A pending operator (its token embedding) or a finished subtree (terminal). */
  record Subtree(NDArray embedding, boolean terminal) {}

  static DecoderState root(int problem, NDArray rootGoal) {
    return new DecoderState(problem, PStack.<NDArray>empty().push(rootGoal), PStack.empty(), null, new int[0], 0);
  }

  boolean finished() {
    return goals.isEmpty();
  }

  int[] append(int token) {
    int[] out = Arrays.copyOf(tokens, tokens.length + 1);
    out[tokens.length] = token;
    return out;
  }
}
