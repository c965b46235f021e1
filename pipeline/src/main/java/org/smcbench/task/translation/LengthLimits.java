package org.smcbench.task.translation;

/**
 * How long a translation may be, counted in generated tokens without EOS: at most
 * {@code (int) (maxLenA * sourceLength + maxLenB)} (fairseq's {@code --max-len-a/--max-len-b},
 * whose defaults 0 and 200 these are) and at least {@code minLength} (fairseq's {@code --min-len},
 * default 1), EOS being forced at the maximum and suppressed before the minimum.
 *
 * <p>fairseq takes the source length of the padded batch; here each sentence's own length is used,
 * so a translation does not depend on what it was batched with (pass the padded length to match
 * fairseq). fairseq also caps the maximum by the model's positions; the caller's limits must.
 */
public record LengthLimits(double maxLenA, int maxLenB, int minLength) {
  public static final LengthLimits FAIRSEQ_DEFAULTS = new LengthLimits(0, 200, 1);

  public LengthLimits {
    if (!(maxLenA >= 0) || maxLenB < 0 || minLength < 0) {
      throw new IllegalArgumentException("length limits need maxLenA >= 0, maxLenB >= 0, minLength >= 0: "
          + maxLenA + ", " + maxLenB + ", " + minLength);
    }
  }

  /** The most tokens a translation of a {@code sourceLength}-token sentence may have before EOS. */
  public int maxLength(int sourceLength) {
    if (sourceLength < 0) {
      throw new IllegalArgumentException("source length " + sourceLength);
    }
    int max = (int) (maxLenA * sourceLength + maxLenB);
    if (max < minLength) {
      throw new IllegalArgumentException("a " + sourceLength + "-token source allows " + max
          + " tokens, fewer than the minimum " + minLength);
    }
    return max;
  }
}
