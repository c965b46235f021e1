package org.smcbench.task.translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Slow, plain references for the searches, reading the full distributions: every sequence
 * enumerated, and a beam search over all beam x vocabulary candidates that, under
 * {@link BeamStopping#EXACT}, never stops before the maximum length.
 */
final class ReferenceSearches {
  private ReferenceSearches() {}

  private static final Comparator<Hypothesis> BEST_FIRST =
      Comparator.comparingDouble(Hypothesis::score).reversed();

  /** Every sequence of {@code minLength..maxLength} non-EOS tokens then EOS, best first. */
  static List<Hypothesis> enumerate(ToyDecoder.Distribution d, int sentence, int[] prompt, int vocab,
      int eos, int minLength, int maxLength, double alpha) {
    List<Hypothesis> all = new ArrayList<>();
    extend(d, sentence, prompt, new int[0], 0, vocab, eos, minLength, maxLength, alpha, all);
    all.sort(BEST_FIRST);
    return all;
  }

  private static void extend(ToyDecoder.Distribution d, int sentence, int[] prompt, int[] tokens,
      double logProb, int vocab, int eos, int minLength, int maxLength, double alpha, List<Hypothesis> out) {
    float[] lp = d.logProbs(sentence, concat(prompt, tokens));
    if (tokens.length >= minLength) {
      double total = logProb + lp[eos];
      out.add(new Hypothesis(tokens, total, total / Math.pow(tokens.length + 1, alpha)));
    }
    if (tokens.length < maxLength) {
      for (int v = 0; v < vocab; v++) {
        if (v != eos) {
          int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
          longer[tokens.length] = v;
          extend(d, sentence, prompt, longer, logProb + lp[v], vocab, eos, minLength, maxLength, alpha, out);
        }
      }
    }
  }

  private record Live(int[] tokens, double logProb) {}

  private record Candidate(int live, int token, double logProb) {}

  /**
   * fairseq's beam search step by step over the full distributions (candidates ordered by summed
   * log-probability, ties by row then by the decoder's order), the finished ones kept as
   * {@code settings.stopping()} says; EXACT runs to the maximum length.
   */
  static List<Hypothesis> beam(ToyDecoder.Distribution d, int sentence, int[] prompt, int vocab, int eos,
      BeamSearch.Settings settings, int maxLength) {
    int beam = settings.beamSize();
    double alpha = settings.lengthPenalty().alpha();
    int minLength = settings.limits().minLength();
    boolean exact = settings.stopping() == BeamStopping.EXACT;
    List<Live> live = List.of(new Live(new int[0], 0));
    List<Hypothesis> finished = new ArrayList<>();
    for (int t = 0; t <= maxLength; t++) {
      List<Candidate> candidates = new ArrayList<>();
      for (int i = 0; i < live.size(); i++) {
        float[] lp = d.logProbs(sentence, concat(prompt, live.get(i).tokens()));
        int[] order = IntStream.range(0, vocab).boxed()
            .sorted(Comparator.comparingDouble((Integer v) -> lp[v]).reversed())
            .mapToInt(Integer::intValue).toArray();
        for (int v : order) {
          boolean allowed = t == maxLength ? v == eos : v != eos || t >= minLength;
          if (allowed && lp[v] != Float.NEGATIVE_INFINITY) {
            candidates.add(new Candidate(i, v, live.get(i).logProb() + lp[v]));
          }
        }
      }
      candidates.sort(Comparator.comparingDouble(Candidate::logProb).reversed());
      List<Live> next = new ArrayList<>();
      for (int rank = 0; rank < candidates.size() && next.size() < beam; rank++) {
        Candidate c = candidates.get(rank);
        int[] tokens = live.get(c.live()).tokens();
        if (c.token() != eos) {
          int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
          longer[tokens.length] = c.token();
          next.add(new Live(longer, c.logProb()));
        } else if (rank < beam && (exact || finished.size() < beam)) {
          finished.add(new Hypothesis(tokens, c.logProb(), c.logProb() / Math.pow(t + 1, alpha)));
        }
      }
      if (exact) {
        // The best beam of all finished so far; a stable sort keeps the earlier of a tie.
        finished.sort(BEST_FIRST);
        finished = new ArrayList<>(finished.subList(0, Math.min(beam, finished.size())));
      } else if (finished.size() >= beam) {
        break;
      }
      if (next.isEmpty()) {
        break;
      }
      live = next;
    }
    finished.sort(BEST_FIRST);
    return finished.subList(0, Math.min(settings.nBest(), finished.size()));
  }

  static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
