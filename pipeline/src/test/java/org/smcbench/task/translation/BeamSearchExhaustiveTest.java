package org.smcbench.task.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The beam search against the slow references of {@link ReferenceSearches}, on seeded random models. */
class BeamSearchExhaustiveTest {
  private static final int VOCAB = 5;
  private static final int EOS = 4;

  private static void assertSame(List<Hypothesis> expected, List<Hypothesis> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": n-best size");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i).tokens(), actual.get(i).tokens(), what + ": tokens of #" + i);
      assertEquals(expected.get(i).logProb(), actual.get(i).logProb(), what + ": log-probability of #" + i);
      assertEquals(expected.get(i).score(), actual.get(i).score(), what + ": score of #" + i);
    }
  }

  /**
   * 4 tokens + EOS, at most 4 tokens: 341 sequences. A beam of 400 keeps every live one and every
   * EOS candidate (at most 320 a step), so beam search must return the enumeration's 10 best.
   */
  @Test
  void wideBeamFindsTheEnumeratedOptimum() {
    LengthLimits limits = new LengthLimits(0, 4, 0);
    int[][] prompts = {{EOS}, {EOS}, {EOS, 3}};
    int[] sources = {1, 2, 3};
    for (double alpha : new double[] {0, 1, 2, -1}) {
      for (long seed = 1; seed <= 4; seed++) {
        ToyDecoder.Distribution d = Distributions.random(seed, VOCAB, EOS, 2.0, 0);
        BeamSearch.Settings settings =
            new BeamSearch.Settings(400, new LengthPenalty(alpha), limits, BeamStopping.EXACT, 10);
        List<List<Hypothesis>> out = new BeamSearch(settings).decode(new ToyDecoder(3, EOS, d), prompts, sources);
        for (int s = 0; s < 3; s++) {
          List<Hypothesis> all = ReferenceSearches.enumerate(d, s, prompts[s], VOCAB, EOS, 0, 4, alpha);
          assertEquals(341, all.size());
          assertSame(all.subList(0, 10), out.get(s), "alpha " + alpha + " seed " + seed + " sentence " + s);
        }
      }
    }
  }

  /**
   * Small beams against a beam search over full distributions: the decoder's beam + 1 best tokens
   * a row lose nothing, and the exact rule's early stop gives what running to the end gives.
   */
  @Test
  void smallBeamsMatchTheReferenceBeamSearch() {
    int vocab = 6;
    int eos = 5;
    int[] sources = {2, 5, 8, 11};
    int[][] prompts = {{eos}, {eos}, {eos, 2}, {eos}};
    for (BeamStopping stopping : BeamStopping.values()) {
      for (int minLength : new int[] {0, 1}) {
        LengthLimits limits = new LengthLimits(0.5, 2, minLength);
        for (int beam : new int[] {1, 2, 3, 5}) {
          for (double alpha : new double[] {-1, 0, 1, 2}) {
            for (long seed = 1; seed <= 3; seed++) {
              ToyDecoder.Distribution d = Distributions.random(seed, vocab, eos, 1.5, 0.5);
              BeamSearch.Settings settings =
                  new BeamSearch.Settings(beam, new LengthPenalty(alpha), limits, stopping, beam);
              List<List<Hypothesis>> out =
                  new BeamSearch(settings).decode(new ToyDecoder(4, eos, d), prompts, sources);
              for (int s = 0; s < 4; s++) {
                List<Hypothesis> expected = ReferenceSearches.beam(d, s, prompts[s], vocab, eos, settings,
                    limits.maxLength(sources[s]));
                assertSame(expected, out.get(s), stopping + " min " + minLength + " beam " + beam
                    + " alpha " + alpha + " seed " + seed + " sentence " + s);
              }
            }
          }
        }
      }
    }
  }
}
