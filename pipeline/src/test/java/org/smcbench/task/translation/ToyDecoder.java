package org.smcbench.task.translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A pure-Java {@link IncrementalDecoder} whose next-token log-probabilities are a function of the
 * sentence and of every token fed to the row so far (prompt included). It fails on parent indices
 * that name no row, and records every step so tests can check what the searches asked.
 */
final class ToyDecoder implements IncrementalDecoder {
  /** The full log-softmax after {@code prefix} (prompt and generated tokens) for {@code sentence}. */
  interface Distribution {
    float[] logProbs(int sentence, int[] prefix);
  }

  /** One step as the decoder saw it: inputs, parents, k, and the sentence of every row. */
  record Step(int[] tokens, int[] parents, int k, int[] sentences) {}

  private final int sentences;
  private final int eos;
  private final Distribution distribution;
  private int[] rowSentence;
  private int[][] rowPrefix;
  private boolean closed;
  final List<Step> steps = new ArrayList<>();

  ToyDecoder(int sentences, int eos, Distribution distribution) {
    this.sentences = sentences;
    this.eos = eos;
    this.distribution = distribution;
  }

  @Override
  public int eos() {
    return eos;
  }

  @Override
  public TopK step(int[] tokens, int[] parents, int k) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (tokens.length != parents.length || tokens.length == 0 || k < 1) {
      throw new IllegalArgumentException(tokens.length + " tokens, " + parents.length + " parents, k " + k);
    }
    boolean first = rowSentence == null;
    int parentRows = first ? sentences : rowSentence.length;
    int[] sentence = new int[tokens.length];
    int[][] prefix = new int[tokens.length][];
    for (int r = 0; r < tokens.length; r++) {
      int p = parents[r];
      if (p < 0 || p >= parentRows) {
        throw new IllegalArgumentException("step " + steps.size() + " row " + r + " names parent " + p
            + " of " + parentRows + (first ? " sentences" : " rows"));
      }
      sentence[r] = first ? p : rowSentence[p];
      int[] before = first ? new int[0] : rowPrefix[p];
      prefix[r] = Arrays.copyOf(before, before.length + 1);
      prefix[r][before.length] = tokens[r];
    }
    rowSentence = sentence;
    rowPrefix = prefix;
    steps.add(new Step(tokens.clone(), parents.clone(), k, sentence.clone()));
    int[][] top = new int[tokens.length][];
    float[][] topLogProbs = new float[tokens.length][];
    float[] eosLogProbs = new float[tokens.length];
    for (int r = 0; r < tokens.length; r++) {
      float[] lp = distribution.logProbs(sentence[r], prefix[r]);
      top[r] = IntStream.range(0, lp.length).boxed()
          .sorted(Comparator.comparingDouble((Integer v) -> lp[v]).reversed())
          .limit(k).mapToInt(Integer::intValue).toArray();
      topLogProbs[r] = new float[top[r].length];
      for (int j = 0; j < top[r].length; j++) {
        topLogProbs[r][j] = lp[top[r][j]];
      }
      eosLogProbs[r] = lp[eos];
    }
    return new TopK(top, topLogProbs, eosLogProbs);
  }

  /** How many rows of {@code sentence} step {@code step} had. */
  int rowsOf(int step, int sentence) {
    return (int) Arrays.stream(steps.get(step).sentences()).filter(s -> s == sentence).count();
  }

  /** The last step that had a row of {@code sentence}. */
  int lastStepOf(int sentence) {
    int last = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (rowsOf(i, sentence) > 0) {
        last = i;
      }
    }
    return last;
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
