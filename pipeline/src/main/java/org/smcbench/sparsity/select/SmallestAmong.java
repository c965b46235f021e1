package org.smcbench.sparsity.select;

import java.util.List;

/**
 * The {@code n} entries with the smallest scores among those {@code include} marks, exactly, ties
 * taken in index order: the per-tensor selection RigL's drop and grow steps need.
 */
public final class SmallestAmong {
  private SmallestAmong() {}

  /** Flags of the chosen entries (length of {@code scores}); none when {@code n} is 0. */
  public static boolean[] pick(float[] scores, boolean[] include, long n) {
    boolean[] chosen = new boolean[scores.length];
    if (n <= 0) {
      return chosen;
    }
    ExactKth.Result kth = ExactKth.select(List.of(scores), List.of(include), n - 1);
    long ties = n - kth.below();
    for (int i = 0; i < scores.length; i++) {
      if (!include[i]) {
        continue;
      }
      float s = scores[i];
      if (s < kth.value()) {
        chosen[i] = true;
      } else if (s == kth.value() && ties > 0) {
        chosen[i] = true;
        ties--;
      }
    }
    return chosen;
  }
}
