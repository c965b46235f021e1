package org.smcbench.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** mBART's noise: sentence permutation keeps every sentence; span masking covers the ratio. */
class DenoisingNoiseTest {
  private static final int MASK = 1000;

  @Test
  void permutationReordersWholeSentences() {
    List<int[]> sentences = List.of(new int[] {1, 2}, new int[] {3}, new int[] {4, 5, 6});
    boolean moved = false;
    for (long seed = 0; seed < 20; seed++) {
      int[] out = DenoisingNoise.permuteSentences(sentences, new SplittableRandom(seed));
      int[] sorted = out.clone();
      Arrays.sort(sorted);
      assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, sorted);
      // Sentences stay contiguous: 1 is followed by 2, 4 by 5 by 6.
      String s = Arrays.toString(out);
      assertTrue(s.contains("1, 2") && s.contains("4, 5, 6"), s);
      moved |= out[0] != 1;
    }
    assertTrue(moved, "20 seeds never moved the first sentence");
  }

  @Test
  void spansCoverTheMaskRatioAndEachBecomesOneMaskToken() {
    int[] tokens = new int[100];
    Arrays.setAll(tokens, i -> i + 1);
    for (long seed = 0; seed < 50; seed++) {
      int[] out = DenoisingNoise.maskSpans(tokens, 0.35, MASK, new SplittableRandom(seed));
      long kept = Arrays.stream(out).filter(t -> t != MASK).count();
      assertEquals(65, kept, "35 of 100 tokens masked (seed " + seed + ")");
      for (int i = 1; i < out.length; i++) {
        assertTrue(!(out[i] == MASK && out[i - 1] == MASK), "two adjacent <mask> tokens");
      }
      // Kept tokens keep their order.
      int last = 0;
      for (int t : out) {
        if (t != MASK) {
          assertTrue(t > last);
          last = t;
        }
      }
    }
  }

  @Test
  void spanLengthsArePoissonWithMeanNearLambda() {
    SplittableRandom rng = new SplittableRandom(7);
    double sum = 0;
    int n = 20000;
    for (int i = 0; i < n; i++) {
      sum += DenoisingNoise.poisson(rng);
    }
    // Poisson(3.5) conditioned on >= 1 has mean 3.5 / (1 - e^-3.5) = 3.606.
    assertEquals(3.5 / (1 - Math.exp(-3.5)), sum / n, 0.05);
  }
}
