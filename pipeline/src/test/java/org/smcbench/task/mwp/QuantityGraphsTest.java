package org.smcbench.task.mwp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Graph2Tree's two graphs on a hand-checked problem. */
class QuantityGraphsTest {
  // words: a number0 b number1 c a (ids; "a" twice), padded to T = 7
  private static final int[] WORDS = {5, 2, 6, 2, 7, 5};
  private static final int[] QUANTITIES = {1, 3};
  private static final double[] NUMBERS = {5, 2};
  private static final int[] CELLS = {0, 1, 2, 3, 5};
  private static final int T = 7;

  private static float[] graphs() {
    float[] out = new float[2 * T * T + 3];
    QuantityGraphs.fill(WORDS, QUANTITIES, NUMBERS, CELLS, T, out, 3);
    return out;
  }

  private static float comparison(float[] g, int i, int j) {
    return g[3 + i * T + j];
  }

  private static float cell(float[] g, int i, int j) {
    return g[3 + T * T + i * T + j];
  }

  @Test
  void comparisonGraphPointsFromTheLargerQuantityToTheSmaller() {
    float[] g = graphs();
    assertEquals(1f, comparison(g, 1, 3)); // 5 > 2
    assertEquals(0f, comparison(g, 3, 1));
    for (int i = 0; i < T; i++) {
      assertEquals(i < WORDS.length ? 1f : 0f, comparison(g, i, i), "self-loop on real tokens only, " + i);
    }
    int edges = 0;
    for (int i = 0; i < 2 * T * T; i++) {
      edges += g[3 + i] > 0 && i < T * T ? 1 : 0;
    }
    assertEquals(WORDS.length + 1, edges);
  }

  @Test
  void equalQuantitiesAreLinkedBothWays() {
    float[] out = new float[2 * 4 * 4];
    QuantityGraphs.fill(new int[] {2, 2, 9}, new int[] {0, 1}, new double[] {3, 3}, new int[0], 4, out, 0);
    assertEquals(1f, out[1]);
    assertEquals(1f, out[4]);
  }

  @Test
  void cellGraphLinksQuantitiesToNearbyCellWordsAndEqualCellWords() {
    float[] g = graphs();
    // quantity 1: cells 0 and 2 within 3 tokens; 3 is a quantity itself; 5 is 4 away
    assertEquals(1f, cell(g, 1, 0));
    assertEquals(1f, cell(g, 0, 1));
    assertEquals(1f, cell(g, 1, 2));
    assertEquals(0f, cell(g, 1, 5));
    // quantity 3: cells 0, 2 and 5 within 3 tokens
    assertEquals(1f, cell(g, 3, 0));
    assertEquals(1f, cell(g, 3, 5));
    assertEquals(1f, cell(g, 5, 3));
    // cells 0 and 5 are the same word
    assertEquals(1f, cell(g, 0, 5));
    assertEquals(1f, cell(g, 5, 0));
    // quantity cells are not linked to each other by the window rule (only by equal word ids: both NUM)
    assertEquals(1f, cell(g, 1, 3));
    // word 4 is no cell
    assertEquals(0f, cell(g, 3, 4));
    assertEquals(0f, cell(g, 6, 6));
  }
}
