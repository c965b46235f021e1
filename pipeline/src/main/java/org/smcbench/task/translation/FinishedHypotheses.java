package org.smcbench.task.translation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The best {@code capacity} finished hypotheses of one sentence, by length-penalised score. */
final class FinishedHypotheses {
  private static final Comparator<Hypothesis> BEST_FIRST =
      Comparator.comparingDouble(Hypothesis::score).reversed();

  private final int capacity;
  private final List<Hypothesis> kept = new ArrayList<>();

  FinishedHypotheses(int capacity) {
    this.capacity = capacity;
  }

  boolean full() {
    return kept.size() >= capacity;
  }

  /** The lowest kept score; only meaningful when {@link #full()}. */
  double worstScore() {
    return kept.get(worstIndex()).score();
  }

  /**
   * Keeps {@code h} while there is room; when full and {@code mayReplace}, it replaces the worst if
   * it scores strictly higher (a tie keeps the earlier one, so stopping on a tie loses nothing).
   */
  void offer(Hypothesis h, boolean mayReplace) {
    if (!full()) {
      kept.add(h);
    } else if (mayReplace) {
      int worst = worstIndex();
      if (h.score() > kept.get(worst).score()) {
        kept.remove(worst);
        kept.add(h);
      }
    }
  }

  /** The best {@code n}, best first; equal scores in the order they finished. */
  List<Hypothesis> best(int n) {
    List<Hypothesis> sorted = new ArrayList<>(kept);
    sorted.sort(BEST_FIRST);
    return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
  }

  /** The last-finished of the lowest-scoring ones, so that the earlier of a tie survives. */
  private int worstIndex() {
    int worst = 0;
    for (int i = 1; i < kept.size(); i++) {
      if (kept.get(i).score() <= kept.get(worst).score()) {
        worst = i;
      }
    }
    return worst;
  }
}
