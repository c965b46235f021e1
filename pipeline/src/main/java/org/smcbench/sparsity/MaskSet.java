package org.smcbench.sparsity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.train.NoGrad;

/**
 * Masks of a prunable scope, by tensor name in scope order: each one a float32 0/1 {@link NDArray}
 * shaped like its weight (for multiplying on the weights' side) plus the host-side kept flags (for
 * counting, comparing and storing).
 *
 * <p>The mask arrays live in the {@link NDManager} given at creation, which should be on the
 * weights' device; {@link #close()} frees them. The host flags are shared with the
 * {@link MaskSelection} they came from and must not be modified.
 */
public final class MaskSet implements AutoCloseable {

  private record Entry(PrunableTensor tensor, NDArray mask, boolean[] kept, long keptCount) {}

  private LinkedHashMap<String, Entry> entries;
  private long kept;
  private final long numel;
  private final NDManager manager;

  private MaskSet(LinkedHashMap<String, Entry> entries, NDManager manager) {
    this.entries = entries;
    this.manager = manager;
    long k = 0;
    long n = 0;
    for (Entry e : entries.values()) {
      k += e.keptCount;
      n += e.kept.length;
    }
    this.kept = k;
    this.numel = n;
  }

  /** Masks for {@code scope} from a selection naming the same tensors, in the same order. */
  public static MaskSet fromSelection(
      List<PrunableTensor> scope, MaskSelection selection, NDManager manager) {
    List<String> names = scope.stream().map(PrunableTensor::name).toList();
    if (!names.equals(selection.names())) {
      throw new IllegalArgumentException(
          "selection names " + selection.names() + " differ from scope " + names);
    }
    LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    try {
      for (PrunableTensor t : scope) {
        boolean[] kept = selection.mask(t.name());
        Shape shape = t.array().getShape();
        if (kept.length != shape.size()) {
          throw new IllegalArgumentException("tensor '" + t.name() + "' has " + shape.size()
              + " entries, its mask " + kept.length);
        }
        // One byte per entry crosses to native memory; the float copy is made there.
        NDArray mask;
        try (NDArray flags = manager.create(kept, shape)) {
          mask = flags.toType(DataType.FLOAT32, true);
        }
        entries.put(t.name(), new Entry(t, mask, kept, selection.kept(t.name())));
      }
    } catch (RuntimeException e) {
      entries.values().forEach(x -> x.mask.close());
      throw e;
    }
    return new MaskSet(entries, manager);
  }

  /** All-kept masks for {@code scope}. */
  public static MaskSet dense(List<PrunableTensor> scope, NDManager manager) {
    LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    for (PrunableTensor t : scope) {
      Shape shape = t.array().getShape();
      boolean[] kept = new boolean[Math.toIntExact(shape.size())];
      Arrays.fill(kept, true);
      if (entries.put(t.name(), new Entry(t, manager.ones(shape), kept, kept.length)) != null) {
        throw new IllegalArgumentException("tensor name '" + t.name() + "' appears twice");
      }
    }
    return new MaskSet(entries, manager);
  }

  /**
   * Replaces every mask by {@code selection} (same tensors, same order), for methods whose masks
   * move during training (GMP, RigL). The previous mask arrays are freed.
   */
  public void update(MaskSelection selection) {
    List<PrunableTensor> scope = entries.values().stream().map(Entry::tensor).toList();
    MaskSet next = fromSelection(scope, selection, manager);
    close();
    this.entries = next.entries;
    this.kept = next.kept;
  }

  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /** The float 0/1 mask of one tensor (owned by this set). */
  public NDArray mask(String name) {
    return entry(name).mask;
  }

  /** The host-side kept flags as a selection (arrays shared, not copied). */
  public MaskSelection selection() {
    LinkedHashMap<String, boolean[]> masks = new LinkedHashMap<>();
    entries.forEach((name, e) -> masks.put(name, e.kept));
    return new MaskSelection(masks);
  }

  /**
   * Multiplies each tensor's weights by its mask in place. Tensors are matched by name and may
   * belong to another copy of the model (a rewound one, say). Grad mode is off around it.
   */
  public void applyTo(List<PrunableTensor> tensors) {
    try (NoGrad ignored = NoGrad.enter()) {
      for (PrunableTensor t : tensors) {
        t.array().muli(matching(t).mask);
      }
    }
  }

  /**
   * Zeroes, in place, the gradient entries of pruned weights. Tensors without a gradient are
   * skipped. This alone does not keep pruned weights at zero under Adam-style optimizers (weight
   * decay and moment updates still move them): re-apply the mask after each step.
   */
  public void maskGradients(List<PrunableTensor> tensors) {
    try (NoGrad ignored = NoGrad.enter()) {
      for (PrunableTensor t : tensors) {
        Entry e = matching(t);
        NDArray w = t.array();
        if (!w.hasGradient()) {
          continue;
        }
        // getGradient() hands out a new handle on the same storage: close the handle only
        try (NDArray g = w.getGradient()) {
          g.muli(e.mask);
        }
      }
    }
  }

  /** Kept entries over the whole set. */
  public long kept() {
    return kept;
  }

  public long numel() {
    return numel;
  }

  /** Pruned fraction according to the masks. */
  public double sparsity() {
    return numel == 0 ? 0.0 : (double) (numel - kept) / numel;
  }

  /** Per tensor zeros of the live weights of the scope this set was made for. */
  public List<TensorStats> stats() {
    List<TensorStats> out = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      PrunableTensor t = e.tensor;
      NDArray w = t.array();
      long n = w.getShape().size();
      try (NDArray nonzero = w.countNonzero()) {
        out.add(new TensorStats(t.name(), t.kind(), t.layer(), n, n - nonzero.getLong()));
      }
    }
    return out;
  }

  /**
   * One tensor's kept flags, one bit per entry in flat row-major order: entry i is bit
   * {@code i % 8} (least significant first) of byte {@code i / 8}; 1 = kept. The unused high bits of
   * the last byte are 0. This is numpy's {@code packbits(..., bitorder="little")}.
   */
  public byte[] pack(String name) {
    return pack(entry(name).kept);
  }

  public static byte[] pack(boolean[] kept) {
    byte[] out = new byte[(kept.length + 7) >>> 3];
    for (int i = 0; i < kept.length; i++) {
      if (kept[i]) {
        out[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    return out;
  }

  /** Inverse of {@link #pack(String)} for a tensor of {@code n} entries. */
  public static boolean[] unpack(byte[] packed, long n) {
    if (n < 0 || n > Integer.MAX_VALUE - 8 || packed.length != (n + 7) >>> 3) {
      throw new IllegalArgumentException(
          packed.length + " bytes cannot hold exactly " + n + " one-bit entries");
    }
    int len = (int) n;
    if (len % 8 != 0 && (packed[packed.length - 1] & 0xff) >>> (len % 8) != 0) {
      throw new IllegalArgumentException("padding bits of the last byte are set: wrong length?");
    }
    boolean[] out = new boolean[len];
    for (int i = 0; i < len; i++) {
      out[i] = (packed[i >>> 3] & (1 << (i & 7))) != 0;
    }
    return out;
  }

  /**
   * Jaccard index |A ∩ B| / |A ∪ B| of the kept sets over the whole scope; 1 when both keep
   * nothing. Both sets must name the same tensors in the same order, with the same sizes.
   */
  public double jaccard(MaskSet other) {
    long inter = 0;
    long union = 0;
    for (long[] c : overlaps(other).values()) {
      inter += c[0];
      union += c[1];
    }
    return union == 0 ? 1.0 : (double) inter / union;
  }

  /** Jaccard index of the kept sets, per tensor in scope order. */
  public LinkedHashMap<String, Double> jaccardPerTensor(MaskSet other) {
    LinkedHashMap<String, Double> out = new LinkedHashMap<>();
    overlaps(other).forEach((name, c) -> out.put(name, c[1] == 0 ? 1.0 : (double) c[0] / c[1]));
    return out;
  }

  /** Frees the mask arrays. */
  @Override
  public void close() {
    entries.values().forEach(e -> e.mask.close());
  }

  /** Per tensor {intersection, union} counts of kept entries. */
  private LinkedHashMap<String, long[]> overlaps(MaskSet other) {
    if (!names().equals(other.names())) {
      throw new IllegalArgumentException(
          "mask sets cover different tensors: " + names() + " vs " + other.names());
    }
    LinkedHashMap<String, long[]> out = new LinkedHashMap<>();
    for (String name : entries.keySet()) {
      boolean[] a = entries.get(name).kept;
      boolean[] b = other.entries.get(name).kept;
      if (a.length != b.length) {
        throw new IllegalArgumentException("tensor '" + name + "' has " + a.length + " vs "
            + b.length + " entries");
      }
      long inter = 0;
      long union = 0;
      for (int i = 0; i < a.length; i++) {
        inter += (a[i] & b[i]) ? 1 : 0;
        union += (a[i] | b[i]) ? 1 : 0;
      }
      out.put(name, new long[] {inter, union});
    }
    return out;
  }

  private Entry entry(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no mask for tensor '" + name + "'");
    }
    return e;
  }

  private Entry matching(PrunableTensor t) {
    Entry e = entry(t.name());
    Shape shape = t.array().getShape();
    if (!shape.equals(e.mask.getShape())) {
      throw new IllegalArgumentException("tensor '" + t.name() + "' has shape " + shape
          + ", its mask " + e.mask.getShape());
    }
    return e;
  }
}
