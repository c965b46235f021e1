package org.smcbench.model.gts;

import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GTS's beam search, one problem at a time: at each step every unfinished hypothesis proposes its
 * {@code width} best next tokens; together with the finished hypotheses (kept at their score) the
 * {@code width} best by total log-probability survive; it stops when all survivors are complete
 * or at the length limit. Hypotheses of a step are scored in one batched call, and only the
 * surviving expansions are built.
 */
final class BeamSearch {
  private static final double MASKED_BELOW = -1e11;

  private final TreeDecoder decoder;

  BeamSearch(TreeDecoder decoder) {
    this.decoder = decoder;
  }

  private record Candidate(DecoderState finished, int row, int token, double logProb, double score) {}

  Prediction decode(ParameterStore ps, ProblemMemory memory, int problem, int width, int maxLength) {
    List<DecoderState> beams = List.of(TreeDecoder.roots(memory).get(problem));
    int v = decoder.config().outputSize();
    for (int t = 0; t < maxLength; t++) {
      List<DecoderState> live = new ArrayList<>();
      List<Candidate> candidates = new ArrayList<>();
      for (DecoderState s : beams) {
        if (s.finished()) {
          candidates.add(new Candidate(s, -1, -1, 0, s.score()));
        } else {
          live.add(s);
        }
      }
      if (live.isEmpty()) {
        break;
      }
      StepResult step = decoder.step(ps, memory, live, false);
      float[] logProbs = step.logProbs().toFloatArray();
      for (int r = 0; r < step.order().size(); r++) {
        double base = step.order().get(r).score();
        for (int token : topK(logProbs, r * v, v, width)) {
          double lp = logProbs[r * v + token];
          if (lp > MASKED_BELOW) {
            candidates.add(new Candidate(null, r, token, lp, base + lp));
          }
        }
      }
      // stable: equal scores keep finished hypotheses and lower rows first
      candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
      List<Candidate> kept = candidates.subList(0, Math.min(width, candidates.size()));
      List<Candidate> expand = kept.stream().filter(c -> c.finished() == null).toList();
      int[] rows = expand.stream().mapToInt(Candidate::row).toArray();
      int[] tokens = expand.stream().mapToInt(Candidate::token).toArray();
      double[] lps = expand.stream().mapToDouble(Candidate::logProb).toArray();
      List<DecoderState> expanded = decoder.advance(ps, step, rows, tokens, lps, false);
      List<DecoderState> next = new ArrayList<>(kept.size());
      int e = 0;
      for (Candidate c : kept) {
        next.add(c.finished() != null ? c.finished() : expanded.get(e++));
      }
      beams = next;
    }
    DecoderState best = beams.get(0);
    return new Prediction(best.tokens(), best.finished(), best.score());
  }

  /** Indices of the k largest of values[offset, offset+n), best first, ties to the lower index. */
  static int[] topK(float[] values, int offset, int n, int k) {
    k = Math.min(k, n);
    int[] best = new int[k];
    boolean[] used = new boolean[n];
    for (int j = 0; j < k; j++) {
      int arg = -1;
      for (int i = 0; i < n; i++) {
        if (!used[i] && (arg < 0 || values[offset + i] > values[offset + arg])) {
          arg = i;
        }
      }
      used[arg] = true;
      best[j] = arg;
    }
    return best;
  }
}
