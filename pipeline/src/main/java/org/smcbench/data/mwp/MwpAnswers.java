package org.smcbench.data.mwp;

import java.util.List;

/**
 * When a computed value counts as the answer, for both the ingest check (does the gold equation
 * reproduce the gold answer?) and the evaluation of a model's predicted equation.
 *
 * <p>Relative tolerance 1e-4, with the relative scale floored at 0.01: for |answer| below 0.01 the
 * allowance stays at an absolute 1e-6 instead of shrinking to nothing (an answer of exactly 0 would
 * otherwise need a bit-exact 0). The datasets write answers to a few decimals (3.333 for 10/3),
 * so some gold rows do not reproduce at this tolerance; those are quarantined, not hidden.
 */
public final class MwpAnswers {
  public static final double RELATIVE_TOLERANCE = 1e-4;
  /** Below this |answer| the tolerance is absolute: RELATIVE_TOLERANCE * SCALE_FLOOR = 1e-6. */
  public static final double SCALE_FLOOR = 0.01;

  private MwpAnswers() {}

  public static boolean matches(double value, double answer) {
    if (!Double.isFinite(value) || !Double.isFinite(answer)) {
      return false;
    }
    return Math.abs(value - answer) <= RELATIVE_TOLERANCE * Math.max(Math.abs(answer), SCALE_FLOOR);
  }

  /** A predicted prefix equation is correct when it evaluates, on the problem's numbers, to the answer. */
  public static boolean isCorrect(List<String> predicted, double[] numbers, double answer) {
    PrefixExpression.Evaluation e = PrefixExpression.evaluate(predicted, numbers);
    return e.isValid() && matches(e.value(), answer);
  }

  /** Answer accuracy of one prediction per problem, in order. */
  public static double accuracy(List<MwpRecord> problems, List<List<String>> predictions) {
    if (problems.size() != predictions.size()) {
      throw new IllegalArgumentException(predictions.size() + " predictions for " + problems.size() + " problems");
    }
    if (problems.isEmpty()) {
      return Double.NaN;
    }
    int correct = 0;
    for (int i = 0; i < problems.size(); i++) {
      MwpRecord p = problems.get(i);
      if (isCorrect(predictions.get(i), p.numberArray(), p.answer())) {
        correct++;
      }
    }
    return (double) correct / problems.size();
  }
}
