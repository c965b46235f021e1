package org.smcbench.task.translation;

import java.util.Arrays;
import java.util.List;

/**
 * Host-side throughput of the searches on a synthetic decoder that costs almost nothing, so what is
 * timed is the search itself. Prints, does not assert. Run from test classes:
 * {@code java -cp <test and main classes> org.smcbench.task.translation.SearchBench}.
 */
final class SearchBench {
  private SearchBench() {}

  /**
   * Rows carry a hash of their prefix and its length; the top-k are hashed ids with falling
   * log-probabilities; EOS is unlikely until a sentence's target length (20..40), then likely.
   */
  static final class SyntheticDecoder implements IncrementalDecoder {
    private static final int VOCAB = 32_000;
    private static final int EOS = 2;
    private long[] hash;
    private int[] length;
    private int[] target;
    private final int sentences;
    long rowSteps;

    SyntheticDecoder(int sentences) {
      this.sentences = sentences;
    }

    @Override
    public int eos() {
      return EOS;
    }

    @Override
    public TopK step(int[] tokens, int[] parents, int k) {
      boolean first = hash == null;
      long[] h = new long[tokens.length];
      int[] len = new int[tokens.length];
      int[] tgt = new int[tokens.length];
      int[][] top = new int[tokens.length][];
      float[][] lps = new float[tokens.length][];
      float[] eos = new float[tokens.length];
      for (int r = 0; r < tokens.length; r++) {
        int p = parents[r];
        h[r] = mix((first ? p * 0x9E3779B97F4A7C15L : hash[p]) ^ tokens[r]);
        len[r] = first ? 0 : length[p] + 1;
        tgt[r] = first ? 20 + (int) Math.floorMod(mix(p), 21L) : target[p];
        float eosLp = len[r] < tgt[r] ? -7f : -0.05f;
        eos[r] = eosLp;
        top[r] = new int[k];
        lps[r] = new float[k];
        long x = h[r];
        boolean eosPlaced = false;
        float lp = eosLp > -0.7f ? -3f : -0.4f;
        for (int j = 0; j < k; j++) {
          if (!eosPlaced && eosLp >= lp) {
            top[r][j] = EOS;
            lps[r][j] = eosLp;
            eosPlaced = true;
            continue;
          }
          x = mix(x + j);
          top[r][j] = 3 + (int) Math.floorMod(x, (long) VOCAB - 3);
          lps[r][j] = lp;
          lp -= 0.5f + (float) Math.floorMod(x >>> 20, 100L) / 100f;
        }
      }
      hash = h;
      length = len;
      target = tgt;
      rowSteps += tokens.length;
      return new TopK(top, lps, eos);
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    @Override
    public void close() {}
  }

  interface Search {
    List<Hypothesis> decode(IncrementalDecoder decoder, int[][] prompts, int[] sources);
  }

  static void time(String name, Search search, int batch, int rounds) {
    int[][] prompts = new int[batch][];
    Arrays.fill(prompts, new int[] {SyntheticDecoder.EOS, 250_004});
    int[] sources = new int[batch];
    Arrays.fill(sources, 30);
    long rowSteps = 0;
    long tokens = 0;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      try (SyntheticDecoder decoder = new SyntheticDecoder(batch)) {
        for (Hypothesis h : search.decode(decoder, prompts, sources)) {
          tokens += h.tokens().length;
        }
        rowSteps += decoder.rowSteps;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-26s %8.0f sentences/s  %10.0f hypotheses extended/s  %5.1f tokens/sentence"
        + "  %6.0f decoder rows/sentence%n", name, rounds * batch / seconds, rowSteps / seconds,
        (double) tokens / (rounds * batch), (double) rowSteps / (rounds * batch));
  }

  public static void main(String[] args) {
    int batch = 64;
    GreedySearch greedy = new GreedySearch(new LengthPenalty(1.0), LengthLimits.FAIRSEQ_DEFAULTS);
    for (int pass = 0; pass < 2; pass++) {
      System.out.println(pass == 0 ? "warm-up" : "timed");
      time("greedy", greedy::decode, batch, 200);
      for (BeamStopping stopping : BeamStopping.values()) {
        BeamSearch beam = new BeamSearch(new BeamSearch.Settings(5, new LengthPenalty(1.0),
            LengthLimits.FAIRSEQ_DEFAULTS, stopping, 1));
        time("beam 5 " + stopping, beam::decodeBest, batch, stopping == BeamStopping.EXACT ? 10 : 100);
      }
      BeamSearch zero = new BeamSearch(new BeamSearch.Settings(5, new LengthPenalty(0.0),
          LengthLimits.FAIRSEQ_DEFAULTS, BeamStopping.EXACT, 1));
      time("beam 5 EXACT alpha 0", zero::decodeBest, batch, 100);
    }
  }
}
