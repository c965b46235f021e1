package org.smcbench.task.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GreedySearchTest {
  private static final int VOCAB = 6;
  private static final int EOS = 5;
  private static final int[] SOURCES = {1, 4, 6, 9, 12};
  private static final int[][] PROMPTS = {{EOS}, {EOS, 1}, {EOS}, {EOS}, {EOS, 2}};

  private static void assertGreedyIsBeamOne(BeamStopping stopping, double alpha, int minLength, long seed) {
    LengthLimits limits = new LengthLimits(0.5, 3, minLength);
    ToyDecoder.Distribution d = Distributions.random(seed, VOCAB, EOS, 1.2, 0.3);
    List<Hypothesis> greedy = new GreedySearch(new LengthPenalty(alpha), limits)
        .decode(new ToyDecoder(5, EOS, d), PROMPTS, SOURCES);
    BeamSearch.Settings one = new BeamSearch.Settings(1, new LengthPenalty(alpha), limits, stopping, 1);
    List<Hypothesis> beam = new BeamSearch(one).decodeBest(new ToyDecoder(5, EOS, d), PROMPTS, SOURCES);
    for (int s = 0; s < SOURCES.length; s++) {
      String what = stopping + " alpha " + alpha + " min " + minLength + " seed " + seed + " sentence " + s;
      assertArrayEquals(beam.get(s).tokens(), greedy.get(s).tokens(), what);
      assertEquals(beam.get(s).logProb(), greedy.get(s).logProb(), what);
      assertEquals(beam.get(s).score(), greedy.get(s).score(), what);
    }
  }

  @Test
  void greedyIsABeamOfOne() {
    for (long seed = 1; seed <= 5; seed++) {
      for (int minLength : new int[] {0, 2}) {
        for (double alpha : new double[] {-1, 0, 1, 2}) {
          assertGreedyIsBeamOne(BeamStopping.FAIRSEQ, alpha, minLength, seed);
        }
        for (double alpha : new double[] {-1, 0}) {
          assertGreedyIsBeamOne(BeamStopping.EXACT, alpha, minLength, seed);
        }
      }
    }
  }

  /** One token a row, two while EOS is suppressed; a row a sentence, fewer as sentences end. */
  @Test
  void asksForTwoTokensOnlyWhileEosIsSuppressed() {
    ToyDecoder decoder = new ToyDecoder(1, EOS, Distributions.random(7, VOCAB, EOS, 1.0, 5.0));
    Hypothesis h = new GreedySearch(new LengthPenalty(1.0), new LengthLimits(0, 20, 3))
        .decode(decoder, new int[][] {{EOS, 4}}, new int[] {3}).get(0);
    assertEquals(3, h.tokens().length, "EOS is 5 logits up: it ends as soon as allowed");
    int[] ks = decoder.steps.stream().mapToInt(ToyDecoder.Step::k).toArray();
    // Step 0 feeds the language (its answer is not read, k is 1); steps 1..3 pick tokens 1..3.
    assertArrayEquals(new int[] {1, 2, 2, 2, 1}, ks);

    ToyDecoder batch = new ToyDecoder(5, EOS, Distributions.random(3, VOCAB, EOS, 1.2, 0.3));
    new GreedySearch(new LengthPenalty(1.0), new LengthLimits(0.5, 3, 0)).decode(batch, PROMPTS, SOURCES);
    int previous = Integer.MAX_VALUE;
    for (ToyDecoder.Step step : batch.steps) {
      assertTrue(step.tokens().length <= previous);
      previous = step.tokens().length;
    }
    assertTrue(previous < SOURCES.length);
  }
}
