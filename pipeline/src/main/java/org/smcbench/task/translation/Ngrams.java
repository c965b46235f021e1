package org.smcbench.task.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * N-gram counting for BLEU and chrF. Word n-grams are keyed by their tokens joined with one space,
 * which is unambiguous because tokens (Python {@code split()} output) never contain whitespace.
 * Character n-grams run over code points, as Python's string slicing does.
 */
final class Ngrams {
  private Ngrams() {}

  /** counts.get(n - 1) holds the word n-grams of order n, for n = 1..maxOrder. */
  static List<Map<String, Integer>> words(List<String> tokens, int maxOrder) {
    List<Map<String, Integer>> counts = new ArrayList<>(maxOrder);
    for (int n = 1; n <= maxOrder; n++) {
      counts.add(new HashMap<>());
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      key.setLength(0);
      for (int n = 1; n <= maxOrder && i + n <= tokens.size(); n++) {
        if (n > 1) {
          key.append(' ');
        }
        key.append(tokens.get(i + n - 1));
        counts.get(n - 1).merge(key.toString(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** counts.get(n - 1) holds the character n-grams of order n, for n = 1..maxOrder. */
  static List<Map<String, Integer>> chars(String line, int maxOrder) {
    int[] cps = line.codePoints().toArray();
    List<Map<String, Integer>> counts = new ArrayList<>(maxOrder);
    for (int n = 1; n <= maxOrder; n++) {
      Map<String, Integer> order = new HashMap<>();
      for (int i = 0; i + n <= cps.length; i++) {
        order.merge(new String(cps, i, n), 1, Integer::sum);
      }
      counts.add(order);
    }
    return counts;
  }

  /** The sum of the counts. */
  static long total(Map<String, Integer> counts) {
    long sum = 0;
    for (int c : counts.values()) {
      sum += c;
    }
    return sum;
  }

  /** Clipped matches: each n-gram counts at most as often as the reference has it. */
  static long matches(Map<String, Integer> hyp, Map<String, Integer> ref) {
    long sum = 0;
    for (Map.Entry<String, Integer> e : hyp.entrySet()) {
      Integer r = ref.get(e.getKey());
      if (r != null) {
        sum += Math.min(e.getValue(), r);
      }
    }
    return sum;
  }
}
