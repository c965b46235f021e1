package org.smcbench.data.mwp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.data.ParseOutcome;

class PrefixExpressionTest {
  private static final double[] NUMBERS = {8.0, 2.0, 5.0};

  private static PrefixExpression.Evaluation eval(String prefix, double... numbers) {
    return PrefixExpression.evaluate(tokens(prefix), numbers);
  }

  private static List<String> tokens(String prefix) {
    return prefix.isEmpty() ? List.of() : Arrays.asList(prefix.split(" "));
  }

  private static PrefixExpression parsed(String prefix) {
    return ((ParseOutcome.Ok<PrefixExpression>) PrefixExpression.parse(tokens(prefix))).value();
  }

  private static void assertValue(double expected, String prefix) {
    PrefixExpression.Evaluation e = eval(prefix, NUMBERS);
    assertTrue(e.isValid(), prefix + ": " + e.invalidReason());
    assertEquals(expected, e.value(), 1e-12, prefix);
  }

  private static void assertInvalid(String reasonPart, String prefix, double... numbers) {
    PrefixExpression.Evaluation e = eval(prefix, numbers);
    assertFalse(e.isValid(), prefix + " = " + e.value());
    assertTrue(Double.isNaN(e.value()));
    assertTrue(e.invalidReason().contains(reasonPart), e.invalidReason());
  }

  @Test
  void eachOperatorTakesItsFirstOperandOnTheLeft() {
    assertValue(10, "+ number0 number1");
    assertValue(6, "- number0 number1");
    assertValue(-6, "- number1 number0");
    assertValue(16, "* number0 number1");
    assertValue(4, "/ number0 number1");
    assertValue(0.25, "/ number1 number0");
    assertValue(64, "^ number0 number1");
    assertValue(256, "^ number1 number0");
  }

  @Test
  void nestedPrefixAndConstants() {
    // 8 - 2 * 5 = -2 ; (8 - 2) * 5 = 30
    assertValue(-2, "- number0 * number1 number2");
    assertValue(30, "* - number0 number1 number2");
    // (8 + 2) / (5 - 2.5) = 4
    assertValue(4, "/ + number0 number1 - number2 2.5");
    // percentage change as in MAWPS: (2 - 8) / 8 * 100.0 = -75
    assertValue(-75, "* / - number1 number0 number0 100.0");
    assertValue(0.04, "* 0.01 4");
    assertValue(7, "7");
    assertValue(2, "number1");
  }

  @Test
  void quantitiesAreSubstitutedPerProblem() {
    List<String> t = tokens("- number1 number0");
    assertEquals(1.0, PrefixExpression.evaluate(t, new double[] {11, 12}).value(), 0);
    assertEquals(-8.0, PrefixExpression.evaluate(t, new double[] {18, 10}).value(), 0);
    assertEquals(1, parsed("- number1 number0").maxQuantityIndex());
    assertEquals(-1, parsed("+ 1 2").maxQuantityIndex());
    assertEquals(12, parsed("+ number12 number3").maxQuantityIndex());
  }

  @Test
  void divisionByZeroOverflowAndNanAreInvalid() {
    assertInvalid("division by zero at token 1", "/ number0 number1", 1, 0);
    assertInvalid("division by zero at token 3", "+ 1 / 4 - number0 number0", 3);
    assertInvalid("gives Infinity", "* number0 number0", 1e200);
    assertInvalid("gives Infinity", "^ 10 400");
    assertInvalid("gives NaN", "^ -8 0.5");
  }

  @Test
  void wrongOperandCountsAndUnknownTokensAreInvalid() {
    assertInvalid("too few operands for '-' at token 1", "- number0", NUMBERS);
    assertInvalid("too few operands for '*' at token 1", "* + number0 number1", NUMBERS);
    assertInvalid("too few operands for '*' at token 1", "*", NUMBERS);
    assertInvalid("too many operands: 2 expressions", "+ number0 number1 number2", NUMBERS);
    assertInvalid("too many operands: 2 expressions", "number0 number1", NUMBERS);
    assertInvalid("unknown token 'x' at token 2", "+ x number1", NUMBERS);
    assertInvalid("unknown token '%'", "% number0 number1", NUMBERS);
    assertInvalid("unknown token 'NaN'", "+ NaN 1", NUMBERS);
    assertInvalid("unknown token 'Infinity'", "+ Infinity 1", NUMBERS);
    assertInvalid("unknown token 'num0'", "num0", NUMBERS);
    assertInvalid("empty expression", "", NUMBERS);
    assertInvalid("number3 has no matching number (3 numbers)", "+ number0 number3", NUMBERS);
    assertTrue(PrefixExpression.parse(null) instanceof ParseOutcome.Malformed<PrefixExpression>);
  }

  @Test
  void infixIsReadableAndUnambiguous() {
    PrefixExpression e = parsed("* / - number1 number0 number0 100.0");
    assertEquals("((number1 - number0) / number0) * 100", e.infix());
    assertEquals("((2 - 8) / 8) * 100", e.infix(NUMBERS));
    assertEquals("number0 - (number1 * number2)", parsed("- number0 * number1 number2").infix());
    assertEquals("0.01 * number4", parsed("* 0.01 number4").infix(NUMBERS));
    assertEquals("number0", parsed("number0").infix());
    assertEquals("* 0.01 number4", parsed("* 0.01 number4").toString());
  }

  @Test
  void answersMatchWithinRelativeToleranceAndAnAbsoluteFloorNearZero() {
    assertTrue(MwpAnswers.matches(616.0, 616));
    assertTrue(MwpAnswers.matches(1000.09, 1000));
    assertFalse(MwpAnswers.matches(1000.11, 1000));
    // 10 / 3 written as 3.333 in MAWPS: off by 1e-4 relative, so not reproduced.
    assertFalse(MwpAnswers.matches(10.0 / 3, 3.333));
    assertTrue(MwpAnswers.matches(5e-7, 0));
    assertFalse(MwpAnswers.matches(2e-6, 0));
    assertFalse(MwpAnswers.matches(Double.NaN, 0));
    assertTrue(MwpAnswers.isCorrect(tokens("- number0 number1"), new double[] {8, 2}, 6));
    assertFalse(MwpAnswers.isCorrect(tokens("- number0"), new double[] {8, 2}, 6));
    assertFalse(MwpAnswers.isCorrect(tokens("+ number0 number5"), new double[] {8, 2}, 6));
  }
}
