package org.smcbench.task.translation;

/**
 * A decoder that extends a set of hypotheses one token at a time, keeping its own state (KV cache).
 * The searches only ever see {@code k} tokens a row: the log-softmax and the top-k stay on the
 * model's device. The caller that opened a decoder closes it; the searches do not.
 */
public interface IncrementalDecoder extends AutoCloseable {
  /**
   * Appends {@code tokens[r]} to the hypothesis that row {@code r} continues — the row
   * {@code parents[r]} of the previous step (on the first step parents index the source sentences:
   * row {@code r} belongs to sentence {@code parents[r]}) — and returns, for every row, the
   * {@code min(k, vocabulary size)} most likely next tokens with their log-probabilities, best first,
   * and the log-probability of {@link #eos()}.
   *
   * <p>A parent may be named by several rows (a hypothesis forks) or by none (it was pruned, or its
   * sentence finished), so the cache rows are selected and reordered by {@code parents} as
   * fairseq's {@code reorder_incremental_state} does. Log-probabilities are a log-softmax (never
   * above 0; the exact stopping rule relies on it); tokens the model must never emit (padding) are
   * left out of the top-k, as fairseq sets their log-probability to -inf.
   *
   * <p>Every row of a step has been fed the same number of tokens (prompts of different lengths
   * included: a sentence still in its prompt is fed the next prompt token), so the call's position
   * is its index from 0 for all rows. Rows of a sentence are consecutive, sentences in order.
   */
  TopK step(int[] tokens, int[] parents, int k);

  /**
   * The end-of-sentence id, whose log-probability every step reports apart from the top-k: at the
   * maximum length the searches force EOS and score it as fairseq does, and EOS need not be among
   * the k best then.
   */
  int eos();

  @Override
  void close();
}
