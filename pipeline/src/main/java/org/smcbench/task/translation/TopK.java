package org.smcbench.task.translation;

/**
 * One decoder step's answer: for every row the most likely next tokens and their log-probabilities,
 * best first, and the log-probability of end-of-sentence whether or not it is among them.
 */
public record TopK(int[][] tokens, float[][] logProbs, float[] eosLogProbs) {
  public TopK {
    if (tokens.length != logProbs.length || tokens.length != eosLogProbs.length) {
      throw new IllegalArgumentException("rows: " + tokens.length + " token lists, " + logProbs.length
          + " log-probability lists, " + eosLogProbs.length + " EOS log-probabilities");
    }
    for (int r = 0; r < tokens.length; r++) {
      if (tokens[r].length != logProbs[r].length) {
        throw new IllegalArgumentException("row " + r + " has " + tokens[r].length + " tokens and "
            + logProbs[r].length + " log-probabilities");
      }
    }
  }

  public int rows() {
    return tokens.length;
  }
}
