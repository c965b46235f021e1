package org.smcbench.task.translation;

/**
 * fairseq's length normalisation: a finished hypothesis scores {@code logProb / length^alpha}, its
 * length counting the generated tokens and EOS but not the decoder prompt. {@code alpha > 0} favours
 * longer output (the log-probability is negative), {@code alpha < 0} shorter, 0 is the plain sum.
 */
public record LengthPenalty(double alpha) {
  public LengthPenalty {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("length penalty alpha is " + alpha);
    }
  }

  public double score(double logProb, int length) {
    return logProb / Math.pow(length, alpha);
  }

  /**
   * The best score any completion of a live hypothesis can reach, when it has log-probability
   * {@code logProb} now and will finish with a length in {@code [minLength, maxLength]}. Tokens
   * still to come only lower the log-probability, so the bound is {@code logProb / L^alpha} at the
   * L that makes it largest: with {@code logProb <= 0} that is the longest length for
   * {@code alpha > 0} and the shortest for {@code alpha < 0}.
   */
  public double bestAttainable(double logProb, int minLength, int maxLength) {
    return score(logProb, alpha > 0 ? maxLength : minLength);
  }
}
