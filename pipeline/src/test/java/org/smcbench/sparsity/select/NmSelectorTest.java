package org.smcbench.sparsity.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** N:M masks: exactly N kept in every group of M, the N best of the group, ties to the lower index. */
class NmSelectorTest {
  @Test
  void everyGroupKeepsExactlyItsNBestEntries() {
    Random random = new Random(7);
    for (NmPattern pattern : new NmPattern[] {new NmPattern(2, 4), new NmPattern(4, 8), new NmPattern(1, 4)}) {
      float[] scores = new float[16 * 32];
      for (int i = 0; i < scores.length; i++) {
        // a coarse grid of values, so equal scores occur inside groups
        scores[i] = random.nextInt(6);
      }
      LinkedHashMap<String, float[]> in = new LinkedHashMap<>();
      in.put("w", scores);
      boolean[] keep = NmSelector.select(in, Map.of("w", 32L), pattern).masks().get("w");
      int m = pattern.m();
      for (int g = 0; g < scores.length; g += m) {
        int kept = 0;
        float minKept = Float.POSITIVE_INFINITY;
        float maxPruned = Float.NEGATIVE_INFINITY;
        for (int i = g; i < g + m; i++) {
          if (keep[i]) {
            kept++;
            minKept = Math.min(minKept, scores[i]);
          } else {
            maxPruned = Math.max(maxPruned, scores[i]);
          }
        }
        assertEquals(pattern.n(), kept, pattern.label() + " group at " + g);
        assertTrue(minKept >= maxPruned, pattern.label() + " group at " + g);
      }
    }
  }

  @Test
  void tiesGoToTheLowerIndexAndTheHandWorkedGroupsMatch() {
    float[] scores = {3, 1, 4, 1, /* */ 5, 5, 5, 5, /* */ -1, -2, 0, -3};
    assertArrayEquals(new boolean[] {true, false, true, false, true, true, false, false, true, false, true, false},
        NmSelector.select(scores, new NmPattern(2, 4)));
  }

  @Test
  void rowsThatAreNoMultipleOfMAreRefusedByName() {
    LinkedHashMap<String, float[]> in = new LinkedHashMap<>();
    in.put("head.weight", new float[12]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NmSelector.select(in, Map.of("head.weight", 6L), new NmPattern(2, 4)));
    assertTrue(e.getMessage().contains("tensor 'head.weight': its last axis (6) is not a multiple of M = 4"),
        e.getMessage());
  }

  @Test
  void patternLabels() {
    assertEquals(new NmPattern(2, 4), NmPattern.parse("2:4"));
    assertEquals(0.5, NmPattern.parse("4:8").sparsity());
    assertNull(NmPattern.parse("global"));
    assertThrows(IllegalArgumentException.class, () -> NmPattern.parse("4:2"));
  }
}
