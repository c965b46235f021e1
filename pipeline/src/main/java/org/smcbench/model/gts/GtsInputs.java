package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The model's input layout, all int64: word ids [B, T] (right-padded with 0), lengths [B],
 * quantity positions [B, maxQuantities] (0 past a problem's count), quantity counts [B], target
 * prefix ids [B, L] (−1 padded; only read for the training loss). Optional inputs follow, found by
 * name: Graph2Tree's {@value #GRAPHS} (float32 [B, 2, T, T], the quantity comparison and quantity cell
 * graphs, {@code QuantityGraphs}) and, when words are embedded by a whole pretrained encoder, its
 * sub-word input {@value #SUBWORD_IDS}, {@value #SUBWORD_TYPES}, {@value #SUBWORD_MASK} (int64 [B, S])
 * and {@value #SUBWORD_POOL} (float32 [B, T, S]: row t averages the pieces of word t).
 */
public record GtsInputs(long[] lengths, long[][] quantities, long[] counts, int[][] targets) {
  public static final String GRAPHS = "graphs";
  public static final String SUBWORD_IDS = "subword_ids";
  public static final String SUBWORD_TYPES = "subword_types";
  public static final String SUBWORD_MASK = "subword_mask";
  public static final String SUBWORD_POOL = "subword_pool";
  private static final int REQUIRED = 5;

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
    NDArray graphArray = manager.create(adjacency, new Shape(b, 2, t, t));
    graphArray.setName(GRAPHS);
    inputs.add(graphArray);
    return inputs;
  }

  /**
   * Appends the sub-word input of a pretrained encoder to {@code inputs} (made by {@link #create}):
   * {@code rows[i]} is problem i's pieces ({@code [CLS] … [SEP]}) and the word each came from.
   */
  public static NDList addSubwords(NDList inputs, int[][] ids, int[][] wordOf, int pad) {
    NDManager manager = inputs.get(0).getManager();
    int b = ids.length;
    int t = Math.toIntExact(inputs.get(0).getShape().get(1));
    int s = 1;
    for (int[] row : ids) {
      s = Math.max(s, row.length);
    }
    long[] flat = new long[b * s];
    long[] mask = new long[b * s];
    float[] pool = new float[b * t * s];
    java.util.Arrays.fill(flat, pad);
    for (int i = 0; i < b; i++) {
      int[] pieces = new int[t];
      for (int j = 0; j < ids[i].length; j++) {
        flat[i * s + j] = ids[i][j];
        mask[i * s + j] = 1;
        if (wordOf[i][j] >= 0) {
          pieces[wordOf[i][j]]++;
        }
      }
      for (int j = 0; j < ids[i].length; j++) {
        int w = wordOf[i][j];
        if (w >= 0) {
          pool[(i * t + w) * s + j] = 1f / pieces[w];
        }
      }
    }
    inputs.add(named(manager.create(flat, new Shape(b, s)), SUBWORD_IDS));
    inputs.add(named(manager.zeros(new Shape(b, s), ai.djl.ndarray.types.DataType.INT64), SUBWORD_TYPES));
    inputs.add(named(manager.create(mask, new Shape(b, s)), SUBWORD_MASK));
    inputs.add(named(manager.create(pool, new Shape(b, t, s)), SUBWORD_POOL));
    return inputs;
  }

  private static NDArray named(NDArray array, String name) {
    array.setName(name);
    return array;
  }

  /** The optional input {@code name}, or null when the inputs do not carry it. */
  static NDArray optional(NDList inputs, String name) {
    for (int i = REQUIRED; i < inputs.size(); i++) {
      if (name.equals(inputs.get(i).getName())) {
        return inputs.get(i);
      }
    }
    return null;
  }

  /** Writes problem {@code i}'s two graphs, padded to T, at {@code offset}. */
  @FunctionalInterface
  public interface GraphFiller {
    void fill(int i, int t, float[] out, int offset);
  }

  static GtsInputs read(NDList inputs) {
    if (inputs.size() < REQUIRED) {
      throw new IllegalArgumentException("GTS expects at least 5 inputs (words, lengths, quantities, counts, targets),"
          + " got " + inputs.size());
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
