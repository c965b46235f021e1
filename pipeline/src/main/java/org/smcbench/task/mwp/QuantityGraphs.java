package org.smcbench.task.mwp;

/**
 * Graph2Tree's two graphs over a problem's tokens (Zhang et al., 2020), as adjacency matrices
 * [T, T] padded to the batch length T, each with self-loops on the real tokens:
 * <ul>
 *   <li><b>quantity comparison</b>: for every ordered pair of quantities, an edge from the larger
 *       to the smaller one ({@code a > b}: a → b; otherwise b → a, so equal values link both ways);
 *   <li><b>quantity cell</b>: each quantity linked both ways to the cell words within 3 tokens of
 *       it, and cell words with the same word id linked to each other.
 * </ul>
 * The Graph2Tree code builds five graphs and feeds these two to its four GCN heads (two each);
 * the other three are not read, so they are not built here.
 */
public final class QuantityGraphs {
  /** Cell words farther than this from a quantity are not linked to it. */
  static final int CELL_WINDOW = 3;

  private QuantityGraphs() {}

  /**
   * [2, T, T] row-major into {@code out} at {@code offset}: comparison graph, then cell graph.
   *
   * @param words      word ids of the problem (its length is the number of real tokens)
   * @param quantities token position of each quantity
   * @param numbers    value of each quantity (at least as many as {@code quantities})
   * @param cells      quantity-cell positions, each inside the text
   */
  public static void fill(int[] words, int[] quantities, double[] numbers, int[] cells, int t, float[] out,
      int offset) {
    int comparison = offset;
    int cell = offset + t * t;
    for (int i = 0; i < words.length; i++) {
      out[comparison + i * t + i] = 1;
      out[cell + i * t + i] = 1;
    }
    for (int a = 0; a < quantities.length; a++) {
      for (int b = 0; b < quantities.length; b++) {
        int from = numbers[a] > numbers[b] ? quantities[a] : quantities[b];
        int to = numbers[a] > numbers[b] ? quantities[b] : quantities[a];
        out[comparison + from * t + to] = 1;
      }
    }
    for (int q : quantities) {
      for (int c : cells) {
        if (!contains(quantities, c) && Math.abs(q - c) <= CELL_WINDOW) {
          out[cell + q * t + c] = 1;
          out[cell + c * t + q] = 1;
        }
      }
    }
    for (int c1 : cells) {
      for (int c2 : cells) {
        if (words[c1] == words[c2]) {
          out[cell + c1 * t + c2] = 1;
          out[cell + c2 * t + c1] = 1;
        }
      }
    }
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
