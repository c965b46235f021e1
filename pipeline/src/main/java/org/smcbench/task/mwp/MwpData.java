package org.smcbench.task.mwp;

import java.util.List;
import org.smcbench.task.TaskData;

/**
 * Encoded math word problems of one split.
 *
 * @param inputs     word ids per problem ({@link WordVocab})
 * @param quantities input position of each copyable quantity (at most {@link OutputVocab#maxQuantities})
 * @param numbers    every quantity's value (for answer checking)
 * @param targets    gold prefix equation as output ids; -1 for a token the vocabulary cannot produce
 *                   (only in evaluation splits)
 * @param answers    gold answer per problem
 * @param cells      quantity-cell token positions per problem, each inside its text (Graph2Tree)
 * @param subwords   per problem, the pretrained encoder's input when the model embeds words with a
 *                   whole pretrained encoder; null otherwise
 * @param subwordPad the encoder tokenizer's padding id (with {@code subwords})
 */
public record MwpData(
    List<String> ids,
    int[][] inputs,
    int[][] quantities,
    double[][] numbers,
    int[][] targets,
    double[] answers,
    int[][] cells,
    Subwords[] subwords,
    int subwordPad,
    WordVocab words,
    OutputVocab output,
    long sourceVersion) implements TaskData {

  public MwpData {
    ids = List.copyOf(ids);
    int n = ids.size();
    if (inputs.length != n || quantities.length != n || numbers.length != n || targets.length != n
        || answers.length != n || cells.length != n || (subwords != null && subwords.length != n)) {
      throw new IllegalArgumentException("per-problem arrays differ in length");
    }
  }

  @Override
  public int size() {
    return ids.size();
  }

  public int longestTarget() {
    int longest = 0;
    for (int[] t : targets) {
      longest = Math.max(longest, t.length);
    }
    return longest;
  }

  /** Gold equation of problem {@code i} as output tokens ({@code ?} where unproducible). */
  public List<String> targetTokens(int i) {
    return java.util.Arrays.stream(targets[i]).mapToObj(id -> id < 0 ? "?" : output.token(id)).toList();
  }
}
