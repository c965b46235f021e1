package org.smcbench.task.translation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One sentence of a {@link BeamSearch}: its decoder prompt, its live hypotheses (one decoder row
 * each) and its finished ones.
 *
 * <p>A step follows fairseq's {@code BeamSearch.step} and {@code _generate}: every live hypothesis
 * is extended by its candidate tokens, ranked by summed log-probability; an EOS candidate among the
 * best {@code beamSize} finishes (the others are dropped), and the best {@code beamSize} non-EOS
 * candidates live on. The decoder's {@code beamSize + 1} best tokens a row are enough for that:
 * a candidate among the sentence's best {@code beamSize} is among its row's best {@code beamSize},
 * and a row's best {@code beamSize} non-EOS tokens are among its best {@code beamSize + 1}.
 */
final class SentenceBeam {
  private record Live(TokenTrail trail, double logProb, int input, int parent) {}

  private record Candidate(int live, int token, double logProb) {}

  private static final Comparator<Candidate> MOST_LIKELY_FIRST =
      Comparator.comparingDouble(Candidate::logProb).reversed();

  private final int sentence;
  private final int[] prompt;
  private final int maxLength;
  private final BeamSearch.Settings settings;
  private final int eos;
  private final FinishedHypotheses finished;
  private List<Live> live;
  private int promptFed;
  private boolean done;

  SentenceBeam(int sentence, int[] prompt, int maxLength, BeamSearch.Settings settings, int eos) {
    if (prompt.length == 0) {
      throw new IllegalArgumentException("sentence " + sentence + " has an empty decoder prompt");
    }
    this.sentence = sentence;
    this.prompt = prompt.clone();
    this.maxLength = maxLength;
    this.settings = settings;
    this.eos = eos;
    this.finished = new FinishedHypotheses(settings.beamSize());
    // The first step's parent is the source sentence itself.
    this.live = List.of(new Live(TokenTrail.EMPTY, 0, this.prompt[0], sentence));
    this.promptFed = 1;
  }

  boolean done() {
    return done;
  }

  int rows() {
    return live.size();
  }

  /** Writes this sentence's next decoder inputs and their parent rows from {@code offset} on. */
  void putRows(int[] tokens, int[] parents, int offset) {
    for (int i = 0; i < live.size(); i++) {
      tokens[offset + i] = live.get(i).input();
      parents[offset + i] = live.get(i).parent();
    }
  }

  /** Takes this sentence's rows, {@code firstRow} onwards, of the step that fed {@link #putRows}. */
  void advance(TopK out, int firstRow) {
    if (promptFed < prompt.length) {
      // Still feeding the prompt: its tokens are given, neither scored nor counted.
      live = List.of(new Live(TokenTrail.EMPTY, 0, prompt[promptFed++], firstRow));
      return;
    }
    int generated = live.get(0).trail().length();
    List<Candidate> candidates = candidates(out, firstRow, generated);
    candidates.sort(MOST_LIKELY_FIRST);
    int beam = settings.beamSize();
    List<Live> next = new ArrayList<>(beam);
    for (int rank = 0; rank < candidates.size() && next.size() < beam; rank++) {
      Candidate c = candidates.get(rank);
      Live parent = live.get(c.live());
      if (c.token() == eos) {
        if (rank < beam) {
          double score = settings.lengthPenalty().score(c.logProb(), generated + 1);
          finished.offer(new Hypothesis(parent.trail().tokens(), c.logProb(), score),
              settings.stopping() == BeamStopping.EXACT);
        }
      } else {
        next.add(new Live(parent.trail().append(c.token()), c.logProb(), c.token(), firstRow + c.live()));
      }
    }
    live = next;
    done = generated == maxLength || next.isEmpty() || (finished.full() && noneCanWin(generated + 1));
  }

  /** Whether the live hypotheses, {@code liveLength} tokens long, cannot beat the worst finished. */
  private boolean noneCanWin(int liveLength) {
    if (settings.stopping() == BeamStopping.FAIRSEQ) {
      return true;
    }
    int shortest = Math.max(liveLength, settings.limits().minLength()) + 1;
    double best = settings.lengthPenalty().bestAttainable(live.get(0).logProb(), shortest, maxLength + 1);
    return finished.worstScore() >= best;
  }

  /**
   * Every allowed continuation: only EOS, with the log-probability reported apart, at the maximum
   * length; no EOS before the minimum; -inf and NaN (fairseq makes NaN -inf) dropped. In row order
   * and, within a row, in the decoder's order, so the stable sort breaks ties by it.
   */
  private List<Candidate> candidates(TopK out, int firstRow, int generated) {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < live.size(); i++) {
      int row = firstRow + i;
      double before = live.get(i).logProb();
      if (generated == maxLength) {
        add(candidates, i, eos, before, out.eosLogProbs()[row], row);
        continue;
      }
      int[] tokens = out.tokens()[row];
      float[] logProbs = out.logProbs()[row];
      for (int j = 0; j < tokens.length; j++) {
        if (tokens[j] != eos || generated >= settings.limits().minLength()) {
          add(candidates, i, tokens[j], before, logProbs[j], row);
        }
      }
    }
    return candidates;
  }

  private void add(List<Candidate> candidates, int live, int token, double before, float logProb, int row) {
    if (logProb > 0) {
      throw new IllegalStateException("the decoder gave token " + token + " of row " + row
          + " (sentence " + sentence + ") the log-probability " + logProb + " > 0");
    }
    if (logProb != Float.NEGATIVE_INFINITY && !Float.isNaN(logProb)) {
      candidates.add(new Candidate(live, token, before + logProb));
    }
  }

  /** The best {@code n} finished hypotheses, best first. */
  List<Hypothesis> best(int n) {
    List<Hypothesis> best = finished.best(n);
    if (best.isEmpty()) {
      throw new IllegalStateException("sentence " + sentence + " finished no hypothesis: the decoder gave"
          + " every continuation -inf");
    }
    return best;
  }
}
