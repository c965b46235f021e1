package org.smcbench.sparsity.select;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Any method's scores (higher = keep) as an N:M mask: in every group of M consecutive flat
 * row-major entries (the last axis: a tensor's rows must be a multiple of M long, so no group
 * spans two rows), the N highest-scoring entries are kept; among equal scores the lower index is
 * kept, so the result is deterministic. Every group then has exactly N kept entries.
 */
public final class NmSelector {
  private NmSelector() {}

  /**
   * @param rowLength length of each tensor's last axis, by name (groups must not cross rows)
   */
  public static MaskSelection select(LinkedHashMap<String, float[]> scores, Map<String, Long> rowLength,
      NmPattern pattern) {
    LinkedHashMap<String, boolean[]> masks = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> e : scores.entrySet()) {
      long row = rowLength.getOrDefault(e.getKey(), (long) e.getValue().length);
      if (row % pattern.m() != 0) {
        throw new IllegalArgumentException("tensor '" + e.getKey() + "': its last axis (" + row + ") is not a multiple"
            + " of M = " + pattern.m() + ", so it cannot take the " + pattern.label() + " pattern");
      }
      masks.put(e.getKey(), select(e.getValue(), pattern));
    }
    return new MaskSelection(masks);
  }

  /** One flat tensor whose length is a multiple of M. */
  static boolean[] select(float[] scores, NmPattern pattern) {
    int m = pattern.m();
    int n = pattern.n();
    boolean[] keep = new boolean[scores.length];
    int[] order = new int[m];
    for (int g = 0; g < scores.length; g += m) {
      // insertion sort of the group's indices by score, descending, stable (lower index first)
      for (int i = 0; i < m; i++) {
        int idx = g + i;
        float s = scores[idx];
        if (Float.isNaN(s)) {
          throw new IllegalArgumentException("NaN score at index " + idx);
        }
        int j = i;
        while (j > 0 && scores[order[j - 1]] < s) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = idx;
      }
      for (int i = 0; i < n; i++) {
        keep[order[i]] = true;
      }
    }
    return keep;
  }
}
