package org.smcbench.task.mwp;

import java.util.List;

/**
 * One math word problem in plain form, before encoding.
 *
 * @param tokens  question words, quantities replaced by {@code number0}, {@code number1}, ...
 * @param numbers value of each quantity placeholder, by index
 * @param prefix  gold equation in prefix order: operators, constants, {@code N<k>} (or {@code number<k>})
 * @param answer  gold answer; NaN to take the value of {@code prefix}
 * @param cells   quantity-cell token positions (Graph2Tree), possibly empty
 */
public record MwpProblem(String id, List<String> tokens, double[] numbers, List<String> prefix, double answer,
    int[] cells) {
  public MwpProblem {
    tokens = List.copyOf(tokens);
    prefix = List.copyOf(prefix);
    numbers = numbers.clone();
    cells = cells.clone();
  }

  public MwpProblem(String id, List<String> tokens, double[] numbers, List<String> prefix, double answer) {
    this(id, tokens, numbers, prefix, answer, new int[0]);
  }

  public MwpProblem(String id, List<String> tokens, double[] numbers, List<String> prefix) {
    this(id, tokens, numbers, prefix, Double.NaN);
  }
}
