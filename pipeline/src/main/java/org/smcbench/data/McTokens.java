package org.smcbench.data;

import java.io.Serializable;

/**
 * Token ids of one multiple-choice question, without special tokens: a shared context (truncated
 * first when an input is too long), and per choice a first and a second segment.
 */
public record McTokens(int[] context, int[][] firsts, int[][] seconds) implements Serializable {

  public static McTokens of(McQuestion q, TextTokenizer tokenizer) {
    int n = q.choices().size();
    int[][] firsts = new int[n][];
    int[][] seconds = new int[n][];
    for (int i = 0; i < n; i++) {
      firsts[i] = encode(tokenizer, q.firsts().get(i));
      seconds[i] = encode(tokenizer, q.seconds().get(i));
    }
    int[] context = encode(tokenizer, q.context());
    return new McTokens(context, firsts, seconds);
  }

  private static int[] encode(TextTokenizer tokenizer, String text) {
    return text.isEmpty() ? new int[0] : tokenizer.encode(text);
  }
}
