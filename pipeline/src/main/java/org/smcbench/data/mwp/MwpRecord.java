package org.smcbench.data.mwp;

import java.io.Serializable;
import java.util.List;

/**
 * One math word problem as a CSV row gives it, checked: the question's whitespace tokens (quantities
 * already masked as {@code number<i>}), the masked quantities' values, the gold prefix equation over
 * them and the answer it reproduces.
 *
 * @param contentHash hash of the four raw fields, equal for the same problem in any file or fold
 *     (MAWPS repeats rows, so it is not a key; see {@link MwpIngest})
 */
public record MwpRecord(List<String> questionTokens, List<Double> numbers, List<String> equation, double answer,
    String contentHash) implements Serializable {

  public MwpRecord {
    questionTokens = List.copyOf(questionTokens);
    numbers = List.copyOf(numbers);
    equation = List.copyOf(equation);
  }

  public double[] numberArray() {
    double[] out = new double[numbers.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = numbers.get(i);
    }
    return out;
  }
}
