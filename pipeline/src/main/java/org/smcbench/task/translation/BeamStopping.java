package org.smcbench.task.translation;

/** When a sentence's beam search may stop before its maximum length. */
public enum BeamStopping {
  /**
   * Stop once {@code beamSize} hypotheses have finished and no live one can beat the worst of them:
   * its log-probability can only fall, so its best final score is bounded by
   * {@link LengthPenalty#bestAttainable}, taken at the maximum length when alpha > 0 and at the
   * next length when alpha <= 0. The result is then exactly what running every sentence to its
   * maximum length would give (HF's {@code early_stopping="never"}). With alpha > 0 the bound at
   * the maximum length is loose, and most sentences do run to it.
   */
  EXACT,
  /**
   * fairseq's rule: stop as soon as {@code beamSize} hypotheses have finished, keeping the first
   * ones (fairseq's {@code is_finished}). What published fairseq scores were decoded with, and much
   * faster for alpha > 0, but a longer hypothesis might have beaten them.
   */
  FAIRSEQ
}
