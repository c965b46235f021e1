package org.smcbench.sparsity.select;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wanda's comparison group: scores are compared within each output of a layer, never across. A
 * tensor's exact share {@code round(sparsity · numel)} of entries is pruned, spread over its outputs
 * as evenly as counts allow (the first {@code k mod outputs} outputs prune one more), each output
 * pruning its lowest scores (ties: lower index first).
 */
public final class PerOutputSelector {
  /** How a tensor's outputs lie in its row-major layout. */
  public enum Outputs {
    /** A linear weight [out, in]: each row is one output. */
    ROWS,
    /** An embedding table [rows, width], the transpose of its linear weight: each column is one output. */
    COLUMNS
  }

  /** A tensor's shape and where its outputs are. */
  public record Layout(int rows, int cols, Outputs outputs) {}

  private PerOutputSelector() {}

  public static MaskSelection select(LinkedHashMap<String, float[]> scores, Map<String, Layout> layouts,
      double sparsity) {
    if (!(sparsity >= 0 && sparsity <= 1)) {
      throw new IllegalArgumentException("sparsity must be in [0, 1], got " + sparsity);
    }
    LinkedHashMap<String, boolean[]> masks = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> e : scores.entrySet()) {
      Layout layout = layouts.get(e.getKey());
      float[] s = e.getValue();
      if (layout == null || (long) layout.rows() * layout.cols() != s.length) {
        throw new IllegalArgumentException("no layout matching the " + s.length + " scores of " + e.getKey());
      }
      masks.put(e.getKey(), select(s, layout, sparsity));
    }
    return new MaskSelection(masks);
  }

  static boolean[] select(float[] scores, Layout layout, double sparsity) {
    boolean byRows = layout.outputs() == Outputs.ROWS;
    int groups = byRows ? layout.rows() : layout.cols();
    int size = byRows ? layout.cols() : layout.rows();
    long pruned = Math.round(sparsity * scores.length);
    long base = pruned / groups;
    long extra = pruned % groups;
    boolean[] kept = new boolean[scores.length];
    Arrays.fill(kept, true);
    Integer[] order = new Integer[size];
    for (int g = 0; g < groups; g++) {
      int count = (int) (base + (g < extra ? 1 : 0));
      if (count == 0) {
        continue;
      }
      final int group = g;
      for (int k = 0; k < size; k++) {
        order[k] = k;
      }
      Arrays.sort(order, (a, b) -> {
        int c = Float.compare(scores[index(group, a, layout, byRows)], scores[index(group, b, layout, byRows)]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      for (int k = 0; k < count; k++) {
        kept[index(group, order[k], layout, byRows)] = false;
      }
    }
    return kept;
  }

  private static int index(int group, int k, Layout layout, boolean byRows) {
    return byRows ? group * layout.cols() + k : k * layout.cols() + group;
  }
}
