package org.smcbench.task.translation;

import java.io.Serializable;
import java.util.Arrays;

/**
 * BLEU's sufficient statistics for one segment or a sum of segments: hypothesis length, closest
 * reference length, and clipped matches and hypothesis n-grams per order (index n - 1). Corpus BLEU is
 * a function of their sum, which is how per-partition results combine.
 */
public record BleuStats(long sysLen, long refLen, long[] correct, long[] total) implements Serializable {
  public BleuStats {
    if (correct.length != CorpusBleu.MAX_ORDER || total.length != CorpusBleu.MAX_ORDER) {
      throw new IllegalArgumentException("expected " + CorpusBleu.MAX_ORDER + " orders, got " + correct.length
          + " and " + total.length);
    }
  }

  public static BleuStats zero() {
    return new BleuStats(0, 0, new long[CorpusBleu.MAX_ORDER], new long[CorpusBleu.MAX_ORDER]);
  }

  public BleuStats plus(BleuStats o) {
    long[] c = new long[correct.length];
    long[] t = new long[total.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = correct[i] + o.correct[i];
      t[i] = total[i] + o.total[i];
    }
    return new BleuStats(sysLen + o.sysLen, refLen + o.refLen, c, t);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BleuStats s && sysLen == s.sysLen && refLen == s.refLen
        && Arrays.equals(correct, s.correct) && Arrays.equals(total, s.total);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(sysLen) + Long.hashCode(refLen)) + 17 * Arrays.hashCode(correct)
        + Arrays.hashCode(total);
  }

  @Override
  public String toString() {
    return "BleuStats[sysLen=" + sysLen + ", refLen=" + refLen + ", correct=" + Arrays.toString(correct)
        + ", total=" + Arrays.toString(total) + "]";
  }
}
