package org.smcbench.data.translation;

import java.util.List;

/**
 * What {@link BpeLearner} learned: the subword tokens in id order (the base alphabet, then each
 * merge's new token the first time it is made) and the merges in the order they were learned, which
 * is the priority the tokenizer applies them in.
 */
public record LearnedBpe(List<String> tokens, List<Merge> merges) {
  public LearnedBpe {
    tokens = List.copyOf(tokens);
    merges = List.copyOf(merges);
  }

  /** Adjacent tokens {@code left right} become {@code left + right}. */
  public record Merge(String left, String right) {
    public String merged() {
      return left + right;
    }
  }
}
