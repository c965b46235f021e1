package org.smcbench.sparsity.select;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which entries of each tensor of a scope are kept ({@code true}) or pruned ({@code false}), as
 * flat row-major {@code boolean[]} in scope order.
 *
 * <p>The selection takes ownership of the arrays it is given and hands out the same arrays: they
 * are shared, not copied (a RoBERTa-large scope is 355 M entries), and must not be modified, or
 * the counts taken at construction go stale.
 */
public final class MaskSelection {
  private final LinkedHashMap<String, boolean[]> masks;
  private final Map<String, Long> keptPerTensor = new HashMap<>();
  private final long kept;
  private final long numel;

  public MaskSelection(LinkedHashMap<String, boolean[]> masks) {
    this.masks = new LinkedHashMap<>(masks); // the map is copied, the arrays are not
    long k = 0;
    long n = 0;
    for (Map.Entry<String, boolean[]> e : masks.entrySet()) {
      long c = countTrue(e.getValue());
      keptPerTensor.put(e.getKey(), c);
      k += c;
      n += e.getValue().length;
    }
    this.kept = k;
    this.numel = n;
  }

  public List<String> names() {
    return List.copyOf(masks.keySet());
  }

  /** The kept flags of one tensor (shared, read-only by contract). */
  public boolean[] mask(String name) {
    boolean[] m = masks.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no mask for tensor '" + name + "'");
    }
    return m;
  }

  /** All masks in scope order (shared arrays). */
  public Map<String, boolean[]> masks() {
    return Collections.unmodifiableMap(masks);
  }

  public long kept() {
    return kept;
  }

  /** Kept entries of one tensor. */
  public long kept(String name) {
    mask(name);
    return keptPerTensor.get(name);
  }

  public long pruned() {
    return numel - kept;
  }

  public long numel() {
    return numel;
  }

  /** Pruned fraction; 0 for an empty scope. */
  public double sparsity() {
    return numel == 0 ? 0.0 : (double) (numel - kept) / numel;
  }

  static long countTrue(boolean[] m) {
    long c = 0;
    for (boolean b : m) {
      c += b ? 1 : 0; // branch-free: masks are scattered
    }
    return c;
  }
}
