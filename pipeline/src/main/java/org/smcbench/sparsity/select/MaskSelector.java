package org.smcbench.sparsity.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns importance scores (higher = more important to keep) into a mask that prunes an exact count.
 *
 * <ul>
 *   <li><b>Global</b> (default): over all N scored entries, exactly {@code round(s·N)} are pruned.
 *   <li><b>Layerwise</b>: each tensor of size n prunes exactly {@code round(s·n)}.
 * </ul>
 *
 * <p>Rounding is {@link Math#round(double)} (half up). The pruned set is every entry scoring
 * strictly below the threshold (the score of the last pruned rank), then entries scoring exactly the
 * threshold, taken in scope order and then flat row-major index until the count is exact. So ties
 * never make the count drift, and the result is deterministic. {@code -0.0} and {@code +0.0} are
 * equal scores; a NaN score among the candidates is rejected whenever a threshold is needed.
 *
 * <p>With a {@code current} selection ("pruned stays pruned", for iterative pruning), its pruned
 * entries rank below every score: they are counted first and stay pruned, and the rest of the
 * count goes to the lowest-scoring kept entries. A target that would prune fewer entries than are
 * already pruned (in the scope, or in a tensor for layerwise) is rejected.
 */
public final class MaskSelector {

  public enum Granularity { GLOBAL, LAYERWISE }

  private MaskSelector() {}

  /** Global selection at sparsity {@code s}. */
  public static MaskSelection select(LinkedHashMap<String, float[]> scores, double sparsity) {
    return select(scores, sparsity, Granularity.GLOBAL, null);
  }

  public static MaskSelection select(
      LinkedHashMap<String, float[]> scores, double sparsity, Granularity granularity) {
    return select(scores, sparsity, granularity, null);
  }

  /**
   * @param scores    one score array per tensor, in scope order
   * @param sparsity  target pruned fraction in [0, 1)
   * @param current   mask whose pruned entries stay pruned, or null to start from dense; it must
   *                  name the same tensors, in the same order, with the same sizes
   */
  public static MaskSelection select(LinkedHashMap<String, float[]> scores, double sparsity,
      Granularity granularity, MaskSelection current) {
    if (!(sparsity >= 0.0 && sparsity < 1.0)) {
      throw new IllegalArgumentException("sparsity " + sparsity + " outside [0, 1)");
    }
    List<String> names = new ArrayList<>(scores.keySet());
    List<float[]> values = new ArrayList<>(scores.values());
    List<boolean[]> cur = currentMasks(names, values, current);
    List<boolean[]> out = new ArrayList<>(values.size());
    for (float[] v : values) {
      out.add(new boolean[v.length]);
    }

    if (granularity == Granularity.GLOBAL) {
      long n = values.stream().mapToLong(v -> v.length).sum();
      long forced = current == null ? 0 : current.pruned();
      selectGroup(names, values, cur, forced, prunedCount(n, sparsity), out);
    } else {
      for (int t = 0; t < values.size(); t++) {
        int n = values.get(t).length;
        long forced = current == null ? 0 : n - current.kept(names.get(t));
        selectGroup(List.of(names.get(t)), List.of(values.get(t)),
            cur == null ? null : List.of(cur.get(t)), forced, prunedCount(n, sparsity),
            List.of(out.get(t)));
      }
    }

    LinkedHashMap<String, boolean[]> masks = new LinkedHashMap<>();
    for (int t = 0; t < names.size(); t++) {
      masks.put(names.get(t), out.get(t));
    }
    return new MaskSelection(masks);
  }

  /** Number of entries to prune: {@code round(s·n)}. */
  public static long prunedCount(long numel, double sparsity) {
    return Math.round(sparsity * numel);
  }

  /**
   * Fills {@code out} (kept flags) so that exactly {@code prune} entries of the group are pruned,
   * the {@code forced} currently pruned ones among them.
   */
  private static void selectGroup(List<String> names, List<float[]> scores, List<boolean[]> current,
      long forced, long prune, List<boolean[]> out) {
    if (prune < forced) {
      throw new IllegalArgumentException("target prunes " + prune + " entries of " + names
          + " but " + forced + " are already pruned and must stay pruned");
    }
    long extra = prune - forced;
    if (extra == 0) {
      IntStream.range(0, scores.size()).parallel().forEach(t -> {
        boolean[] o = out.get(t);
        if (current == null) {
          Arrays.fill(o, true);
        } else {
          System.arraycopy(current.get(t), 0, o, 0, o.length);
        }
      });
      return;
    }

    ExactKth.Result kth = ExactKth.select(scores, current, extra - 1);
    float threshold = kth.value();
    // Keep everything at or above the threshold first, then prune the first `ties` entries equal
    // to it in (scope, index) order.
    IntStream.range(0, scores.size()).parallel().forEach(t -> {
      float[] s = scores.get(t);
      boolean[] c = current == null ? null : current.get(t);
      boolean[] o = out.get(t);
      // non-short-circuit & keeps the loop free of data-dependent branches
      if (c == null) {
        for (int i = 0; i < s.length; i++) {
          o[i] = s[i] >= threshold;
        }
      } else {
        for (int i = 0; i < s.length; i++) {
          o[i] = c[i] & s[i] >= threshold;
        }
      }
    });
    long ties = extra - kth.below();
    for (int t = 0; t < scores.size() && ties > 0; t++) {
      float[] s = scores.get(t);
      boolean[] o = out.get(t);
      for (int i = 0; i < s.length && ties > 0; i++) {
        if (o[i] && s[i] == threshold) {
          o[i] = false;
          ties--;
        }
      }
    }
  }

  private static List<boolean[]> currentMasks(
      List<String> names, List<float[]> values, MaskSelection current) {
    if (current == null) {
      return null;
    }
    Map<String, boolean[]> masks = current.masks();
    if (!names.equals(new ArrayList<>(masks.keySet()))) {
      throw new IllegalArgumentException(
          "current mask names " + masks.keySet() + " differ from scored tensors " + names);
    }
    List<boolean[]> out = new ArrayList<>(names.size());
    for (int t = 0; t < names.size(); t++) {
      boolean[] m = masks.get(names.get(t));
      if (m.length != values.get(t).length) {
        throw new IllegalArgumentException("tensor '" + names.get(t) + "': mask has " + m.length
            + " entries, scores have " + values.get(t).length);
      }
      out.add(m);
    }
    return out;
  }
}
