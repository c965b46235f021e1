package org.smcbench.data.mwp;

import java.io.Serializable;
import java.util.List;

/**
 * One math word problem as a CSV row gives it, checked: the question's whitespace tokens (quantities
 * already masked as {@code number<i>}), the masked quantities' values, the gold prefix equation over
 * them and the answer it reproduces.
 *
 * @param quantityCells token positions of the quantity cells (Graph2Tree's {@code group_nums}: the
 *     words around each quantity and the question's key words), as the file gives them; empty when
 *     the file has no such column
 * @param contentHash hash of the four raw fields, equal for the same problem in any file or fold
 *     (MAWPS repeats rows, so it is not a key; see {@link MwpIngest})
 */
public record MwpRecord(List<String> questionTokens, List<Double> numbers, List<String> equation, double answer,
    String contentHash, List<Integer> quantityCells) implements Serializable {

  public MwpRecord {
    questionTokens = List.copyOf(questionTokens);
    numbers = List.copyOf(numbers);
    equation = List.copyOf(equation);
    quantityCells = List.copyOf(quantityCells);
  }

  /** A problem without quantity cells (a file without the {@code group_nums} column). */
  public MwpRecord(List<String> questionTokens, List<Double> numbers, List<String> equation, double answer,
      String contentHash) {
    this(questionTokens, numbers, equation, answer, contentHash, List.of());
  }

  public double[] numberArray() {
    double[] out = new double[numbers.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = numbers.get(i);
    }
    return out;
  }
}
