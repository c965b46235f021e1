package org.smcbench.task.translation;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy decoding over an {@link IncrementalDecoder}: every sentence keeps one row and takes its
 * most likely token until EOS, with {@link BeamSearch}'s prompt, length limits and scoring. It
 * returns what a beam of 1 returns under {@link BeamStopping#FAIRSEQ}, and under
 * {@link BeamStopping#EXACT} when alpha <= 0 (with alpha > 0 a beam of 1 may look past the first
 * EOS for a longer hypothesis that scores higher).
 *
 * <p>It asks for one token a row, two on steps where EOS is still suppressed by the minimum length
 * (the best may be EOS, and the host cannot ask the device for the next one).
 */
public final class GreedySearch {
  private final LengthPenalty lengthPenalty;
  private final LengthLimits limits;

  public GreedySearch(LengthPenalty lengthPenalty, LengthLimits limits) {
    this.lengthPenalty = lengthPenalty;
    this.limits = limits;
  }

  /** One sentence's single hypothesis. */
  private static final class Row {
    final int sentence;
    final int[] prompt;
    final int maxLength;
    int promptFed = 1;
    TokenTrail trail = TokenTrail.EMPTY;
    double logProb;
    int input;
    int parent;
    Hypothesis result;

    Row(int sentence, int[] prompt, int maxLength) {
      if (prompt.length == 0) {
        throw new IllegalArgumentException("sentence " + sentence + " has an empty decoder prompt");
      }
      this.sentence = sentence;
      this.prompt = prompt.clone();
      this.maxLength = maxLength;
      this.input = prompt[0];
      this.parent = sentence;
    }

    boolean scoring() {
      return promptFed == prompt.length;
    }
  }

  /**
   * The hypothesis of every sentence; arguments as {@link BeamSearch#decode}. Fails if a sentence
   * finds no continuation that is not -inf.
   */
  public List<Hypothesis> decode(IncrementalDecoder decoder, int[][] decoderStart, int[] sourceLengths) {
    if (decoderStart.length != sourceLengths.length) {
      throw new IllegalArgumentException(decoderStart.length + " decoder prompts for "
          + sourceLengths.length + " source lengths");
    }
    int eos = decoder.eos();
    List<Row> sentences = new ArrayList<>();
    for (int s = 0; s < decoderStart.length; s++) {
      sentences.add(new Row(s, decoderStart[s], limits.maxLength(sourceLengths[s])));
    }
    List<Row> running = sentences;
    while (!running.isEmpty()) {
      int[] tokens = new int[running.size()];
      int[] parents = new int[running.size()];
      int k = 1;
      for (int r = 0; r < running.size(); r++) {
        Row row = running.get(r);
        tokens[r] = row.input;
        parents[r] = row.parent;
        if (row.scoring() && row.trail.length() < limits.minLength()) {
          k = 2;
        }
      }
      TopK out = decoder.step(tokens, parents, k);
      if (out.rows() != running.size()) {
        throw new IllegalStateException("the decoder answered " + out.rows() + " rows to " + running.size());
      }
      List<Row> still = new ArrayList<>();
      for (int r = 0; r < running.size(); r++) {
        Row row = running.get(r);
        advance(row, out, r, eos);
        if (row.result == null) {
          still.add(row);
        }
      }
      running = still;
    }
    List<Hypothesis> out = new ArrayList<>();
    for (Row row : sentences) {
      out.add(row.result);
    }
    return out;
  }

  private void advance(Row row, TopK out, int r, int eos) {
    row.parent = r;
    if (!row.scoring()) {
      row.input = row.prompt[row.promptFed++];
      return;
    }
    int generated = row.trail.length();
    int token = -1;
    float logProb = Float.NEGATIVE_INFINITY;
    if (generated == row.maxLength) {
      token = eos;
      logProb = out.eosLogProbs()[r];
    } else {
      for (int j = 0; j < out.tokens()[r].length; j++) {
        int t = out.tokens()[r][j];
        if (t != eos || generated >= limits.minLength()) {
          token = t;
          logProb = out.logProbs()[r][j];
          break;
        }
      }
    }
    if (logProb > 0) {
      throw new IllegalStateException("the decoder gave token " + token + " of row " + r
          + " (sentence " + row.sentence + ") the log-probability " + logProb + " > 0");
    }
    if (logProb == Float.NEGATIVE_INFINITY || Float.isNaN(logProb)) {
      throw new IllegalStateException("sentence " + row.sentence + " finished no hypothesis: the decoder"
          + " gave its best allowed continuation -inf");
    }
    row.logProb += logProb;
    if (token == eos) {
      row.result = new Hypothesis(row.trail.tokens(), row.logProb, lengthPenalty.score(row.logProb, generated + 1));
    } else {
      row.trail = row.trail.append(token);
      row.input = token;
    }
  }
}
