package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import java.util.HashMap;
import java.util.Map;

/**
 * Input statistics of every weight a forward pass uses, for methods that score weights by their
 * inputs (Wanda's |W|·‖X‖). While a tap is open on a thread, the models' primitives report to it:
 * a linear layer {@code x W^T} adds Σ x_j² over all rows of its input per input column j; an
 * embedding lookup (a linear layer over one-hot inputs) adds the count of each row it reads. Keyed
 * by the weight array's identity, so a tensor used twice (a tied table) accumulates both uses.
 * Closed, the tap stops recording; outside a tap the primitives cost one thread-local read.
 *
 * <p>A tap opened {@link #withGrams()} also adds each linear layer's full Gram matrix Σ x xᵀ
 * (SparseGPT's Hessian, in² doubles per weight); a plain tap (Wanda's) does not pay for it.
 */
public final class ActivationTap implements AutoCloseable {
  private static final ThreadLocal<ActivationTap> ACTIVE = new ThreadLocal<>();

  private final Map<Long, double[]> linearSquares = new HashMap<>();
  private final Map<Long, double[]> linearGrams = new HashMap<>();
  private final Map<Long, double[]> lookupCounts = new HashMap<>();
  private final ActivationTap previous;
  private final boolean grams;

  private ActivationTap(ActivationTap previous, boolean grams) {
    this.previous = previous;
    this.grams = grams;
  }

  /** Starts recording on this thread. */
  public static ActivationTap open() {
    return open(false);
  }

  /** Starts recording on this thread, Gram matrices of linear inputs included. */
  public static ActivationTap withGrams() {
    return open(true);
  }

  private static ActivationTap open(boolean grams) {
    ActivationTap tap = new ActivationTap(ACTIVE.get(), grams);
    ACTIVE.set(tap);
    return tap;
  }

  /** Reported by linear primitives: {@code x} [..., in] multiplied by {@code weight} [out, in]. */
  public static void linearInput(NDArray weight, NDArray x) {
    ActivationTap tap = ACTIVE.get();
    if (tap == null) {
      return;
    }
    long in = weight.getShape().get(weight.getShape().dimension() - 1);
    float[] squares;
    try (NDArray rows = x.reshape(-1, in); NDArray sq = rows.square(); NDArray sum = sq.sum(new int[] {0})) {
      squares = sum.toFloatArray();
    }
    double[] acc = tap.linearSquares.computeIfAbsent(key(weight), k -> new double[(int) in]);
    for (int j = 0; j < squares.length; j++) {
      acc[j] += squares[j];
    }
    if (tap.grams) {
      addGram(tap.linearGrams.computeIfAbsent(key(weight), k -> new double[Math.toIntExact(in * in)]), x, in);
    }
  }

  /** Adds xᵀx of {@code x} reshaped to [rows, in], multiplied in double precision by the engine. */
  private static void addGram(double[] acc, NDArray x, long in) {
    double[] gram;
    try (NDArray flat = x.reshape(-1, in); NDArray rows = flat.toType(ai.djl.ndarray.types.DataType.FLOAT64, false);
        NDArray t = rows.transpose(); NDArray product = t.matMul(rows)) {
      gram = product.toDoubleArray();
    }
    for (int i = 0; i < gram.length; i++) {
      acc[i] += gram[i];
    }
  }

  /** Reported by embedding primitives: rows {@code indices} read from {@code table} [rows, width]. */
  public static void lookup(NDArray table, NDArray indices) {
    ActivationTap tap = ACTIVE.get();
    if (tap == null) {
      return;
    }
    int rows = Math.toIntExact(table.getShape().get(0));
    double[] acc = tap.lookupCounts.computeIfAbsent(key(table), k -> new double[rows]);
    for (long id : indices.toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray()) {
      acc[(int) id] += 1;
    }
  }

  /** Σ x_j² per input column of {@code weight} as a linear layer's, or null when none reached it. */
  public double[] linearSquares(NDArray weight) {
    return linearSquares.get(key(weight));
  }

  /**
   * Σ x xᵀ [in, in] (row-major) of the inputs of {@code weight} as a linear layer's, or null when none
   * reached it or the tap was not opened {@link #withGrams()}.
   */
  public double[] linearGram(NDArray weight) {
    return linearGrams.get(key(weight));
  }

  /** Reads per row of {@code table} as an embedding, or null when it was not looked up. */
  public double[] lookupCounts(NDArray table) {
    return lookupCounts.get(key(table));
  }

  private static long key(NDArray array) {
    // The engine's handle: the parameter store hands the parameter's own array to the primitives.
    return ((ai.djl.pytorch.engine.PtNDArray) array).getHandle();
  }

  @Override
  public void close() {
    if (ACTIVE.get() == this) {
      ACTIVE.set(previous);
    }
  }
}
