package org.smcbench.task.mc;

import java.util.List;
import org.smcbench.data.McTokens;
import org.smcbench.task.TaskData;

/**
 * Tokenized multiple-choice questions of one split, plus the special-token ids of the tokenizer
 * they were encoded with.
 *
 * @param labels right choice per question, -1 where unknown (unlabelled test split)
 */
public record McData(
    List<String> ids,
    List<McTokens> tokens,
    int[] labels,
    int numChoices,
    int clsId,
    int sepId,
    int padId,
    int pairSeparators,
    long sourceVersion) implements TaskData {

  /** BERT's layout: one separator between the segments. */
  public McData(List<String> ids, List<McTokens> tokens, int[] labels, int numChoices, int clsId, int sepId, int padId,
      long sourceVersion) {
    this(ids, tokens, labels, numChoices, clsId, sepId, padId, 1, sourceVersion);
  }

  public McData {
    if (pairSeparators < 1) {
      throw new IllegalArgumentException("pairSeparators must be >= 1");
    }
    if (ids.size() != tokens.size() || ids.size() != labels.length) {
      throw new IllegalArgumentException("ids, tokens and labels differ in length");
    }
    for (McTokens t : tokens) {
      if (t.firsts().length != numChoices) {
        throw new IllegalArgumentException("every question must have " + numChoices + " choices");
      }
    }
  }

  @Override
  public int size() {
    return ids.size();
  }
}
