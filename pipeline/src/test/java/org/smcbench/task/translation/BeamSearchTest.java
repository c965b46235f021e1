package org.smcbench.task.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BeamSearchTest {
  private static final int A = 0;
  private static final int B = 1;
  private static final int C = 2;
  private static final int D = 3;
  private static final int EOS = 4;
  private static final int[][] START = {{EOS}};
  private static final int[] SOURCE = {10};

  private static BeamSearch.Settings settings(int beam, double alpha, LengthLimits limits,
      BeamStopping stopping, int nBest) {
    return new BeamSearch.Settings(beam, new LengthPenalty(alpha), limits, stopping, nBest);
  }

  /**
   * Greedy takes A (0.5) then EOS (0.4): probability 0.2. Beam 2 also keeps B (0.4), whose EOS
   * (0.9) gives 0.36 and, over two tokens, the best score; A C EOS (0.135 over three) is second.
   */
  private static final Distributions.Table GREEDY_TRAP =
      new Distributions.Table(Distributions.log(0.025, 0.025, 0.025, 0.025, 0.9))
          .put(Distributions.log(0.5, 0.4, 0.05, 0.04, 0.01), EOS)
          .put(Distributions.log(0.05, 0.05, 0.30, 0.20, 0.40), EOS, A)
          .put(Distributions.log(0.025, 0.025, 0.025, 0.025, 0.9), EOS, B);

  @Test
  void beamOfTwoFindsTheSentenceGreedyMisses() {
    LengthLimits limits = new LengthLimits(0, 10, 1);
    Distributions.Table t = GREEDY_TRAP;

    Hypothesis greedy = new GreedySearch(new LengthPenalty(1.0), limits)
        .decode(new ToyDecoder(1, EOS, t), START, SOURCE).get(0);
    assertArrayEquals(new int[] {A}, greedy.tokens());
    double greedyLogProb = (double) t.logProb(A, EOS) + t.logProb(EOS, EOS, A);
    assertEquals(greedyLogProb, greedy.logProb());
    assertEquals(greedyLogProb / 2, greedy.score());

    List<Hypothesis> beam = new BeamSearch(settings(2, 1.0, limits, BeamStopping.EXACT, 2))
        .decode(new ToyDecoder(1, EOS, t), START, SOURCE).get(0);
    assertArrayEquals(new int[] {B}, beam.get(0).tokens());
    double best = (double) t.logProb(B, EOS) + t.logProb(EOS, EOS, B);
    assertEquals(best, beam.get(0).logProb());
    assertEquals(best / 2, beam.get(0).score());
    assertArrayEquals(new int[] {A, C}, beam.get(1).tokens());
    double second = (double) t.logProb(A, EOS) + t.logProb(C, EOS, A) + t.logProb(EOS, EOS, A, C);
    assertEquals(second / 3, beam.get(1).score());
    assertTrue(greedy.score() < beam.get(1).score());
  }

  /**
   * A beam of 1 finishes EOS (0.5) at once; fairseq's rule stops there, the exact rule sees that A
   * might still score higher over two tokens, and A EOS (0.38, over 2: -0.48 > -0.69) does.
   */
  @Test
  void exactStoppingFindsTheLongerWinnerThatFairseqStopsBefore() {
    LengthLimits limits = new LengthLimits(0, 3, 0);
    Distributions.Table t = new Distributions.Table(Distributions.log(0.0125, 0.0125, 0.0125, 0.0125, 0.95))
        .put(Distributions.log(0.4, 0.06, 0.02, 0.02, 0.5), EOS);

    Hypothesis fairseq = new BeamSearch(settings(1, 1.0, limits, BeamStopping.FAIRSEQ, 1))
        .decodeBest(new ToyDecoder(1, EOS, t), START, SOURCE).get(0);
    assertArrayEquals(new int[0], fairseq.tokens());
    assertEquals((double) t.logProb(EOS, EOS), fairseq.score());

    ToyDecoder decoder = new ToyDecoder(1, EOS, t);
    Hypothesis exact = new BeamSearch(settings(1, 1.0, limits, BeamStopping.EXACT, 1))
        .decodeBest(decoder, START, SOURCE).get(0);
    assertArrayEquals(new int[] {A}, exact.tokens());
    assertEquals(((double) t.logProb(A, EOS) + t.logProb(EOS, EOS, A)) / 2, exact.score());
    // After A EOS the live A x is below 0.4 * 0.0125, whose bound -1.32 cannot beat -0.48: stop.
    assertEquals(2, decoder.steps.size());
  }

  /**
   * alpha = -1 scores logProb * length, so a live hypothesis is best ended at the next length. Here
   * after step 1 the finished are EOS (0.29: -1.24) and B EOS (0.2498 over 2: -2.77); the live A A
   * (0.4493) could still reach -0.80 * 3 = -2.40 and does: A A EOS (0.4448 over 3: -2.43). A bound
   * taken one length further (-3.20) would have stopped and kept B EOS.
   */
  @Test
  void negativeAlphaBoundsAtTheNextLength() {
    Distributions.Table t = new Distributions.Table(Distributions.log(0.0025, 0.0025, 0.0025, 0.0025, 0.99))
        .put(Distributions.log(0.45, 0.25, 0.005, 0.005, 0.29), EOS)
        .put(Distributions.log(0.9985, 0.0005, 0.0003, 0.0002, 0.0005), EOS, A)
        .put(Distributions.log(0.00025, 0.00025, 0.00025, 0.00025, 0.999), EOS, B);
    ToyDecoder decoder = new ToyDecoder(1, EOS, t);
    List<Hypothesis> out = new BeamSearch(settings(2, -1.0, new LengthLimits(0, 8, 0), BeamStopping.EXACT, 2))
        .decode(decoder, START, SOURCE).get(0);
    assertArrayEquals(new int[0], out.get(0).tokens());
    assertEquals((double) t.logProb(EOS, EOS), out.get(0).score());
    assertArrayEquals(new int[] {A, A}, out.get(1).tokens());
    double aaEos = (double) t.logProb(A, EOS) + t.logProb(A, EOS, A) + t.logProb(EOS, EOS, A, A);
    assertEquals(aaEos * 3, out.get(1).score());
    assertEquals(3, decoder.steps.size(), "stops once A A EOS is in: the live A A x cannot beat it");
  }

  /**
   * EOS is never among the beam's k = 3 best here, so only the separately reported EOS
   * log-probability can score the forced end: max length (int) (0.5 * source + 1).
   */
  @Test
  void maxLengthForcesEosAndScoresIt() {
    Distributions.Table t = new Distributions.Table(Distributions.log(0.4, 0.3, 0.2, 0.099999, 0.000001));
    LengthLimits limits = new LengthLimits(0.5, 1, 1);
    int[] sources = {4, 7};
    ToyDecoder decoder = new ToyDecoder(2, EOS, t);
    List<Hypothesis> out = new BeamSearch(settings(2, 1.0, limits, BeamStopping.EXACT, 1))
        .decodeBest(decoder, new int[][] {{EOS}, {EOS}}, sources);
    for (int s = 0; s < 2; s++) {
      int n = limits.maxLength(sources[s]);
      assertEquals(new int[] {3, 4}[s], n);
      assertArrayEquals(new int[n], out.get(s).tokens(), "all A");
      double logProb = 0;
      for (int i = 0; i < n; i++) {
        logProb += t.logProb(A);
      }
      logProb += t.logProb(EOS);
      assertEquals(logProb, out.get(s).logProb(), 1e-12);
      assertEquals(out.get(s).logProb() / (n + 1), out.get(s).score());
      assertEquals(n, decoder.lastStepOf(s), "steps 0..n-1 give the tokens, step n the forced EOS");
    }
    for (ToyDecoder.Step step : decoder.steps) {
      assertEquals(3, step.k());
    }
  }

  @Test
  void minLengthSuppressesEos() {
    Distributions.Table t = new Distributions.Table(Distributions.log(0.05, 0.03, 0.01, 0.01, 0.9));
    LengthLimits limits = new LengthLimits(0, 10, 3);
    Hypothesis h = new BeamSearch(settings(2, 1.0, limits, BeamStopping.EXACT, 1))
        .decodeBest(new ToyDecoder(1, EOS, t), START, SOURCE).get(0);
    assertArrayEquals(new int[] {A, A, A}, h.tokens());
    assertEquals(3.0 * t.logProb(A) + t.logProb(EOS), h.logProb(), 1e-12);
  }

  /**
   * mBART-style prompts: </s> then the language (5 or 6), or the language alone. The language
   * steers the toy model; the prompt is fed, never scored, and not in the output.
   */
  @Test
  void promptIsFedButNeitherScoredNorReturned() {
    int en = 5;
    int de = 6;
    double[] rest = {0.01, 0.01, 0.01, 0.01, 0.94, 0.01, 0.01};
    Distributions.Table t = new Distributions.Table(Distributions.log(rest))
        .put(Distributions.log(0.9, 0.02, 0.02, 0.02, 0.0, 0.02, 0.02), EOS, en)
        .put(Distributions.log(0.02, 0.9, 0.02, 0.02, 0.0, 0.02, 0.02), EOS, de)
        .put(Distributions.log(0.02, 0.02, 0.9, 0.02, 0.0, 0.02, 0.02), de);
    int[][] prompts = {{EOS, en}, {EOS, de}, {de}};
    ToyDecoder decoder = new ToyDecoder(3, EOS, t);
    List<Hypothesis> out = new BeamSearch(settings(2, 1.0, new LengthLimits(0, 5, 1), BeamStopping.FAIRSEQ, 1))
        .decodeBest(decoder, prompts, new int[] {3, 3, 3});

    assertArrayEquals(new int[] {A}, out.get(0).tokens());
    assertArrayEquals(new int[] {B}, out.get(1).tokens());
    assertArrayEquals(new int[] {C}, out.get(2).tokens());
    assertEquals((double) t.logProb(A, EOS, en) + t.logProb(EOS, EOS, en, A), out.get(0).logProb());
    assertEquals((double) t.logProb(C, de) + t.logProb(EOS, de, C), out.get(2).logProb());

    assertArrayEquals(new int[] {EOS, EOS, de}, decoder.steps.get(0).tokens());
    assertArrayEquals(new int[] {0, 1, 2}, decoder.steps.get(0).parents());
    // Step 1: the first two feed their language; the third has scored step 0 and runs two beams.
    assertArrayEquals(new int[] {en, de, C, A}, decoder.steps.get(1).tokens());
    assertArrayEquals(new int[] {0, 1, 2, 2}, decoder.steps.get(1).parents());
  }

  /**
   * Sentence s says token n % 4 (0.9) until it has L_s = 1, 3, 6 tokens, then EOS (nearly 1). All
   * three beams end together, the exact bound stops at once, and the rows shrink as each leaves.
   */
  @Test
  void batchShrinksAsSentencesFinish() {
    int[] lengths = {1, 3, 6};
    ToyDecoder.Distribution d = (sentence, prefix) -> {
      int n = prefix.length - 1;
      double[] p = new double[5];
      if (n < lengths[sentence]) {
        java.util.Arrays.fill(p, 0.099 / 3);
        p[n % 4] = 0.9;
        p[EOS] = 0.001;
      } else {
        java.util.Arrays.fill(p, 1e-9);
        p[EOS] = 1 - 4e-9;
      }
      return Distributions.log(p);
    };
    ToyDecoder decoder = new ToyDecoder(3, EOS, d);
    List<Hypothesis> out = new BeamSearch(settings(3, 1.0, new LengthLimits(0, 10, 1), BeamStopping.EXACT, 1))
        .decodeBest(decoder, new int[][] {{EOS}, {EOS}, {EOS}}, new int[] {5, 5, 5});

    assertArrayEquals(new int[] {A}, out.get(0).tokens());
    assertArrayEquals(new int[] {A, B, C}, out.get(1).tokens());
    assertArrayEquals(new int[] {A, B, C, D, A, B}, out.get(2).tokens());
    for (int s = 0; s < 3; s++) {
      assertEquals(lengths[s], decoder.lastStepOf(s), "sentence " + s + " scores its EOS at step L");
    }
    int[] rows = decoder.steps.stream().mapToInt(step -> step.tokens().length).toArray();
    assertArrayEquals(new int[] {3, 9, 6, 6, 3, 3, 3}, rows);
    assertArrayEquals(new int[] {0, 1, 2}, decoder.steps.get(0).parents());
    for (int i = 1; i < decoder.steps.size(); i++) {
      int[] sentences = decoder.steps.get(i).sentences();
      int[] parents = decoder.steps.get(i).parents();
      int[] before = decoder.steps.get(i - 1).sentences();
      for (int r = 0; r < parents.length; r++) {
        assertEquals(before[parents[r]], sentences[r], "step " + i + " row " + r + " stays in its sentence");
      }
      for (int s = 0; s < 3; s++) {
        assertTrue(decoder.rowsOf(i, s) <= 3);
      }
    }
    assertFalse(decoder.closed(), "the caller owns the decoder");
  }

  @Test
  void emptyBatchNeverStepsAndBadInputFails() {
    ToyDecoder decoder = new ToyDecoder(0, EOS, GREEDY_TRAP);
    assertEquals(List.of(), new BeamSearch(BeamSearch.Settings.DEFAULTS).decode(decoder, new int[0][], new int[0]));
    assertTrue(decoder.steps.isEmpty());

    BeamSearch search = new BeamSearch(BeamSearch.Settings.DEFAULTS);
    assertThrows(IllegalArgumentException.class,
        () -> search.decode(new ToyDecoder(1, EOS, GREEDY_TRAP), new int[][] {{}}, SOURCE));
    assertThrows(IllegalArgumentException.class,
        () -> search.decode(new ToyDecoder(1, EOS, GREEDY_TRAP), START, new int[] {1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> settings(2, 1.0, LengthLimits.FAIRSEQ_DEFAULTS, BeamStopping.EXACT, 3));
    assertThrows(IllegalArgumentException.class, () -> new LengthLimits(0, 2, 3).maxLength(5));

    ToyDecoder.Distribution logits = (sentence, prefix) -> new float[] {1.5f, 0.2f, -1f, -2f, 0.1f};
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> search.decode(new ToyDecoder(1, EOS, logits), START, SOURCE));
    assertEquals("the decoder gave token 0 of row 0 (sentence 0) the log-probability 1.5 > 0", e.getMessage());
  }

  @Test
  void defaultsAreFairseqs() {
    BeamSearch.Settings d = BeamSearch.Settings.DEFAULTS;
    assertEquals(5, d.beamSize());
    assertEquals(1.0, d.lengthPenalty().alpha());
    assertEquals(200, d.limits().maxLength(37));
    assertEquals(1, d.limits().minLength());
    assertEquals(4, new LengthLimits(0.5, 1, 0).maxLength(7), "(int) 4.5, truncated as fairseq's int()");
    assertEquals(204, new LengthLimits(1.5, 200, 0).maxLength(3));
  }
}
