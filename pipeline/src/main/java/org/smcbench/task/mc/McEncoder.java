package org.smcbench.task.mc;

import org.smcbench.data.McTokens;

/**
 * Lays out one choice as {@code [CLS] context first [SEP] second [SEP]} (BERT segment ids 0 then 1;
 * RoBERTa doubles the middle separator)
 * within {@code maxLen} tokens. Too long: the context is cut first (RACE's article, never the
 * question or option), then the longer of the two segments loses tokens from its end.
 */
public final class McEncoder {
  private McEncoder() {}

  /** Token ids and segment ids of choice {@code c}, BERT's layout (one separator between segments). */
  public static int[][] encode(McTokens t, int c, int maxLen, int cls, int sep) {
    return encode(t, c, maxLen, cls, sep, 1);
  }

  /**
   * Token ids and segment ids of choice {@code c}: {@code [CLS] context first [SEP]×k second [SEP]}
   * with {@code k = pairSeparators} (RoBERTa: 2, {@code <s> a </s></s> b </s>}).
   */
  public static int[][] encode(McTokens t, int c, int maxLen, int cls, int sep, int pairSeparators) {
    int[] context = t.context();
    int[] first = t.firsts()[c];
    int[] second = t.seconds()[c];
    int budget = maxLen - 2 - pairSeparators;
    if (budget < 2) {
      throw new IllegalArgumentException("max-seq-len " + maxLen + " leaves no room for text");
    }
    int contextLen = Math.min(context.length, Math.max(0, budget - first.length - second.length));
    int firstLen = first.length;
    int secondLen = second.length;
    while (contextLen + firstLen + secondLen > budget) {
      if (firstLen >= secondLen) {
        firstLen--;
      } else {
        secondLen--;
      }
    }
    int n = 2 + pairSeparators + contextLen + firstLen + secondLen;
    int[] ids = new int[n];
    int[] types = new int[n];
    int p = 0;
    ids[p++] = cls;
    System.arraycopy(context, 0, ids, p, contextLen);
    p += contextLen;
    System.arraycopy(first, 0, ids, p, firstLen);
    p += firstLen;
    ids[p++] = sep;
    int secondStart = p;
    for (int k = 1; k < pairSeparators; k++) {
      ids[p++] = sep;
    }
    System.arraycopy(second, 0, ids, p, secondLen);
    p += secondLen;
    ids[p++] = sep;
    for (int i = secondStart; i < n; i++) {
      types[i] = 1;
    }
    return new int[][] {ids, types};
  }
}
