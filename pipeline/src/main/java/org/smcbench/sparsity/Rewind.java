package org.smcbench.sparsity;

import java.util.Locale;

/** What each round of iterative pruning re-trains from, after its pruning step. */
public enum Rewind {
  /** LTH (Chen et al. for BERT): the surviving weights go back to the pre-trained weights. */
  PRETRAINED,
  /**
   * Learning-rate rewinding (Renda et al., 2020): the surviving weights stay as the previous round
   * trained them (after the step's own update, e.g. oBERT's); only the schedule starts again.
   */
  FINETUNED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Rewind fromLabel(String label) {
    for (Rewind r : values()) {
      if (r.label().equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException("rewind must be \"pretrained\" or \"finetuned\", got \"" + label + "\"");
  }
}
