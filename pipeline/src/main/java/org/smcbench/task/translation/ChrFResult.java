package org.smcbench.task.translation;

import java.util.Arrays;

/**
 * A chrF score (0..100). {@code name} is sacreBLEU's ({@code chrF2}, {@code chrF2++} for word order 2);
 * {@code stats} holds the summed (hypothesis, reference, match) n-gram counts per order, character
 * orders first, then word orders.
 */
public record ChrFResult(double score, String name, long[] stats, String signature) {
  /** sacreBLEU's printed form without the signature, e.g. {@code chrF2 = 28.31}. */
  public String format() {
    return name + " = " + PyText.fixed(score, 2);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChrFResult r && Double.compare(score, r.score) == 0 && name.equals(r.name)
        && Arrays.equals(stats, r.stats) && signature.equals(r.signature);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(score) * 31 + signature.hashCode();
  }

  @Override
  public String toString() {
    return name + "|" + signature + " = " + PyText.fixed(score, 2);
  }
}
