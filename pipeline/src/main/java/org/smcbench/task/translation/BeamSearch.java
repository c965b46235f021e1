package org.smcbench.task.translation;

import java.util.ArrayList;
import java.util.List;

/**
 * Beam search over an {@link IncrementalDecoder} for a batch of sentences, as fairseq's
 * {@code SequenceGenerator}: same candidates, same EOS handling (forced at the maximum length and
 * scored, suppressed before the minimum), same length penalty (see {@link LengthPenalty}).
 * It differs in the stopping rule when {@link BeamStopping#EXACT}, in the source length of the
 * maximum ({@link LengthLimits}), and in summing log-probabilities in double where fairseq sums
 * float32. Sentences leave the decoder's rows as they finish.
 *
 * <p>Each sentence's decoder prompt (mBART: {@code </s>} then the target language) is fed before
 * anything is scored and is neither scored nor counted in the length, as fairseq treats its BOS
 * (fairseq's mBART decodes from the language token as BOS). Prompts may differ in length.
 */
public final class BeamSearch {
  /**
   * {@code nBest} is how many finished hypotheses a sentence returns, at most {@code beamSize}.
   */
  public record Settings(int beamSize, LengthPenalty lengthPenalty, LengthLimits limits,
      BeamStopping stopping, int nBest) {
    public static final Settings DEFAULTS =
        new Settings(5, new LengthPenalty(1.0), LengthLimits.FAIRSEQ_DEFAULTS, BeamStopping.EXACT, 1);

    public Settings {
      if (beamSize < 1 || nBest < 1 || nBest > beamSize) {
        throw new IllegalArgumentException("beam size " + beamSize + " and n-best " + nBest
            + " need 1 <= nBest <= beamSize");
      }
    }
  }

  private final Settings settings;

  public BeamSearch(Settings settings) {
    this.settings = settings;
  }

  /** The best hypothesis of every sentence; see {@link #decode}. */
  public List<Hypothesis> decodeBest(IncrementalDecoder decoder, int[][] decoderStart, int[] sourceLengths) {
    List<Hypothesis> best = new ArrayList<>();
    for (List<Hypothesis> nBest : decode(decoder, decoderStart, sourceLengths)) {
      best.add(nBest.get(0));
    }
    return best;
  }

  /**
   * Up to {@code nBest} hypotheses of every sentence, best first. {@code decoder} has been opened on
   * the sentences, in this order; {@code decoderStart[s]} is sentence s's prompt and
   * {@code sourceLengths[s]} its source length in tokens, which sets its maximum length.
   */
  public List<List<Hypothesis>> decode(IncrementalDecoder decoder, int[][] decoderStart, int[] sourceLengths) {
    if (decoderStart.length != sourceLengths.length) {
      throw new IllegalArgumentException(decoderStart.length + " decoder prompts for "
          + sourceLengths.length + " source lengths");
    }
    int eos = decoder.eos();
    List<SentenceBeam> sentences = new ArrayList<>();
    for (int s = 0; s < decoderStart.length; s++) {
      sentences.add(new SentenceBeam(s, decoderStart[s], settings.limits().maxLength(sourceLengths[s]),
          settings, eos));
    }
    List<SentenceBeam> running = sentences;
    while (!running.isEmpty()) {
      int rows = 0;
      for (SentenceBeam s : running) {
        rows += s.rows();
      }
      int[] tokens = new int[rows];
      int[] parents = new int[rows];
      int offset = 0;
      for (SentenceBeam s : running) {
        s.putRows(tokens, parents, offset);
        offset += s.rows();
      }
      TopK out = decoder.step(tokens, parents, settings.beamSize() + 1);
      if (out.rows() != rows) {
        throw new IllegalStateException("the decoder answered " + out.rows() + " rows to " + rows);
      }
      List<SentenceBeam> still = new ArrayList<>();
      offset = 0;
      for (SentenceBeam s : running) {
        int first = offset;
        offset += s.rows();
        s.advance(out, first);
        if (!s.done()) {
          still.add(s);
        }
      }
      running = still;
    }
    List<List<Hypothesis>> out = new ArrayList<>();
    for (SentenceBeam s : sentences) {
      out.add(s.best(settings.nBest()));
    }
    return out;
  }
}
