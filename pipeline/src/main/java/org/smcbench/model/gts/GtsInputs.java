package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The model's input layout, all int64: word ids [B, T] (right-padded with 0), lengths [B],
 * quantity positions [B, maxQuantities] (0 past a problem's count), quantity counts [B], target
 * prefix ids [B, L] (−1 padded; only read for the training loss). Graph2Tree adds a sixth, float32:
 * the quantity comparison and quantity cell graphs [B, 2, T, T] ({@code QuantityGraphs}).
 */
public record GtsInputs(long[] lengths, long[][] quantities, long[] counts, int[][] targets) {

  public static NDList create(NDManager manager, int[][] words, int[][] quantities, int[][] targets,
      int maxQuantities) {
    int b = words.length;
    int t = 1;
    int l = 1;
    for (int i = 0; i < b; i++) {
      t = Math.max(t, words[i].length);
      l = Math.max(l, targets[i].length);
    }
    long[] ids = new long[b * t];
    long[] lengths = new long[b];
    long[] positions = new long[b * maxQuantities];
    long[] counts = new long[b];
    long[] target = new long[b * l];
    java.util.Arrays.fill(target, -1);
    for (int i = 0; i < b; i++) {
      if (words[i].length == 0) {
        throw new IllegalArgumentException("an empty problem text cannot be encoded");
      }
      if (quantities[i].length > maxQuantities) {
        throw new IllegalArgumentException("problem has " + quantities[i].length + " quantities; the model copies "
            + maxQuantities);
      }
      for (int j = 0; j < words[i].length; j++) {
        ids[i * t + j] = words[i][j];
      }
      lengths[i] = words[i].length;
      for (int j = 0; j < quantities[i].length; j++) {
        positions[i * maxQuantities + j] = quantities[i][j];
      }
      counts[i] = quantities[i].length;
      for (int j = 0; j < targets[i].length; j++) {
        target[i * l + j] = targets[i][j];
      }
    }
    return new NDList(manager.create(ids, new Shape(b, t)), manager.create(lengths),
        manager.create(positions, new Shape(b, maxQuantities)), manager.create(counts),
        manager.create(target, new Shape(b, l)));
  }

  /** {@link #create} plus the graphs [B, 2, T, T] (filled by {@code graphs.fill(i, T, out, offset)} per problem). */
  public static NDList createWithGraphs(NDManager manager, int[][] words, int[][] quantities, int[][] targets,
      int maxQuantities, GraphFiller graphs) {
    NDList inputs = create(manager, words, quantities, targets, maxQuantities);
    int b = words.length;
    int t = Math.toIntExact(inputs.get(0).getShape().get(1));
    float[] adjacency = new float[b * 2 * t * t];
    for (int i = 0; i < b; i++) {
      graphs.fill(i, t, adjacency, i * 2 * t * t);
    }
    inputs.add(manager.create(adjacency, new Shape(b, 2, t, t)));
    return inputs;
  }

  /** Writes problem {@code i}'s two graphs, padded to T, at {@code offset}. */
  @FunctionalInterface
  public interface GraphFiller {
    void fill(int i, int t, float[] out, int offset);
  }

  /** Whether the inputs carry Graph2Tree's graphs. */
  static boolean hasGraphs(NDList inputs) {
    return inputs.size() == 6;
  }

  static GtsInputs read(NDList inputs) {
    if (inputs.size() != 5 && inputs.size() != 6) {
      throw new IllegalArgumentException("GTS expects 5 inputs (words, lengths, quantities, counts, targets) and"
          + " Graph2Tree a sixth (graphs), got " + inputs.size());
    }
    long[] lengths = inputs.get(1).toLongArray();
    long[] counts = inputs.get(3).toLongArray();
    int[][] targets = new int[lengths.length][];
    long[][] rows = rows(inputs.get(4));
    for (int i = 0; i < rows.length; i++) {
      int n = 0;
      while (n < rows[i].length && rows[i][n] >= 0) {
        n++;
      }
      targets[i] = new int[n];
      for (int j = 0; j < n; j++) {
        targets[i][j] = (int) rows[i][j];
      }
    }
    return new GtsInputs(lengths, rows(inputs.get(2)), counts, targets);
  }

  private static long[][] rows(NDArray array) {
    long[] flat = array.toLongArray();
    int b = Math.toIntExact(array.getShape().get(0));
    int w = Math.toIntExact(array.getShape().get(1));
    long[][] out = new long[b][w];
    for (int i = 0; i < b; i++) {
      System.arraycopy(flat, i * w, out[i], 0, w);
    }
    return out;
  }

  /** Decoded equations as model outputs: ids [B, maxLength] (−1 padded) and completeness [B] (1 / 0). */
  static NDList predictions(NDManager manager, Prediction[] predictions, int maxLength) {
    long[] ids = new long[predictions.length * maxLength];
    long[] complete = new long[predictions.length];
    java.util.Arrays.fill(ids, -1);
    for (int i = 0; i < predictions.length; i++) {
      int[] tokens = predictions[i].tokens();
      for (int j = 0; j < tokens.length; j++) {
        ids[i * maxLength + j] = tokens[j];
      }
      complete[i] = predictions[i].complete() ? 1 : 0;
    }
    return new NDList(manager.create(ids, new Shape(predictions.length, maxLength)), manager.create(complete));
  }

  /** Reads {@link #predictions} back: per problem its ids, or null where the tree is incomplete. */
  public static int[][] readPredictions(NDList outputs) {
    long[][] rows = rows(outputs.get(0));
    long[] complete = outputs.get(1).toLongArray();
    int[][] out = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      if (complete[i] == 0) {
        continue;
      }
      int n = 0;
      while (n < rows[i].length && rows[i][n] >= 0) {
        n++;
      }
      out[i] = new int[n];
      for (int j = 0; j < n; j++) {
        out[i][j] = (int) rows[i][j];
      }
    }
    return out;
  }
}
