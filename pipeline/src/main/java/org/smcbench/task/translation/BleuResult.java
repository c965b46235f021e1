package org.smcbench.task.translation;

import java.util.Arrays;

/**
 * A BLEU score (0..100) with what sacreBLEU reports beside it. {@code counts} and {@code totals} are the
 * summed statistics as counted; under add-k smoothing sacreBLEU's own {@code BLEUScore.counts/totals}
 * show them with k already added for orders 2..4, while {@code precisions} here and there include it.
 */
public record BleuResult(double score, long[] counts, long[] totals, double[] precisions, double bp, long sysLen,
    long refLen, String signature) {

  /** Hypothesis over reference length, 0 when the reference is empty. */
  public double ratio() {
    return refLen == 0 ? 0 : (double) sysLen / refLen;
  }

  /**
   * sacreBLEU's printed form without the signature, e.g.
   * {@code BLEU = 2.10 30.1/5.0/1.2/0.4 (BP = 1.000 ratio = 1.023 hyp_len = 24563 ref_len = 24010)}.
   */
  public String format() {
    StringBuilder b = new StringBuilder("BLEU = ").append(PyText.fixed(score, 2)).append(' ');
    for (int i = 0; i < precisions.length; i++) {
      b.append(i > 0 ? "/" : "").append(PyText.fixed(precisions[i], 1));
    }
    return b.append(" (BP = ").append(PyText.fixed(bp, 3)).append(" ratio = ").append(PyText.fixed(ratio(), 3))
        .append(" hyp_len = ").append(sysLen).append(" ref_len = ").append(refLen).append(')').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BleuResult r && Double.compare(score, r.score) == 0 && Arrays.equals(counts, r.counts)
        && Arrays.equals(totals, r.totals) && Arrays.equals(precisions, r.precisions)
        && Double.compare(bp, r.bp) == 0 && sysLen == r.sysLen && refLen == r.refLen
        && signature.equals(r.signature);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(score) * 31 + signature.hashCode();
  }

  @Override
  public String toString() {
    return "BLEU|" + signature + " = " + format().substring("BLEU = ".length());
  }
}
