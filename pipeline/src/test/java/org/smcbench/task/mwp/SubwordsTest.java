package org.smcbench.task.mwp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.model.gts.GtsInputs;

/** Sub-word input of a pretrained encoder and its pooling back to words. */
class SubwordsTest {
  // "cantelopes" splits in three pieces, the others are one each
  private static final Map<String, int[]> PIECES = Map.of("tom", new int[] {7}, "has", new int[] {8},
      "number0", new int[] {9, 10}, "cantelopes", new int[] {11, 12, 13});

  @Test
  void piecesAreWrappedInSpecialsAndRememberTheirWord() {
    Subwords s = Subwords.of(List.of("tom", "has", "number0", "cantelopes"), PIECES::get, 101, 102);
    assertArrayEquals(new int[] {101, 7, 8, 9, 10, 11, 12, 13, 102}, s.ids());
    assertArrayEquals(new int[] {-1, 0, 1, 2, 2, 3, 3, 3, -1}, s.wordOf());
  }

  @Test
  void poolingMatrixAveragesEachWordsPiecesAndPadsTheRest() {
    Subwords a = Subwords.of(List.of("tom", "has", "number0", "cantelopes"), PIECES::get, 101, 102);
    Subwords b = Subwords.of(List.of("tom", "number0"), PIECES::get, 101, 102);
    try (NDManager m = NDManager.newBaseManager()) {
      NDList inputs = GtsInputs.create(m, new int[][] {{3, 4, 2, 5}, {3, 2}}, new int[][] {{2}, {1}},
          new int[][] {{0}, {0}}, 1);
      GtsInputs.addSubwords(inputs, new int[][] {a.ids(), b.ids()}, new int[][] {a.wordOf(), b.wordOf()}, 0);
      float[] pool = inputs.get(8).toFloatArray(); // [2, T=4, S=9]
      assertEquals(2 * 4 * 9, pool.length);
      // problem 0, word 3 ("cantelopes"): pieces at 5, 6, 7 with weight 1/3
      for (int j = 0; j < 9; j++) {
        assertEquals(j >= 5 && j <= 7 ? 1f / 3 : 0f, pool[3 * 9 + j], 1e-7);
      }
      // problem 1, word 1 ("number0"): pieces at 2, 3 with weight 1/2; its padded words 2, 3 pool nothing
      assertEquals(0.5f, pool[(4 + 1) * 9 + 2]);
      assertEquals(0.5f, pool[(4 + 1) * 9 + 3]);
      for (int j = 0; j < 9; j++) {
        assertEquals(0f, pool[(4 + 2) * 9 + j]);
      }
      long[] ids = inputs.get(5).toLongArray();
      long[] mask = inputs.get(7).toLongArray();
      assertEquals(102, ids[9 + 4]); // problem 1's [SEP], then padding
      assertEquals(0, ids[9 + 5]);
      assertEquals(1, mask[9 + 4]);
      assertEquals(0, mask[9 + 5]);
    }
  }
}
