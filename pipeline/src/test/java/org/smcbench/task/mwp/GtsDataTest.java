package org.smcbench.task.mwp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.data.mwp.PrefixExpression;

/**
 * Decoded output tokens through the shared evaluator (quantity slots {@code N<k>} in the datasets'
 * {@code number<k>} naming), and the encoding of plain problems (vocabularies, positions, targets).
 */
class GtsDataTest {

  private static double eval(String prefix, double... numbers) {
    return PrefixExpression.evaluate(OutputVocab.asDatasetTokens(List.of(prefix.split(" "))), numbers).value();
  }

  @Test
  void evaluatorAppliesEveryOperatorInPrefixOrder() {
    assertEquals(7, eval("+ N0 N1", 3, 4));
    assertEquals(-1, eval("- N0 N1", 3, 4));
    assertEquals(12, eval("* N0 N1", 3, 4));
    assertEquals(0.75, eval("/ N0 N1", 3, 4));
    assertEquals(81, eval("^ N0 N1", 3, 4));
    assertEquals(3 + 4 * 5, eval("+ N0 * N1 N2", 3, 4, 5));
    assertEquals((3 + 4) * 5, eval("* + N0 N1 N2", 3, 4, 5));
    assertEquals(10 - 6 / 3.0, eval("- N0 / N1 N2", 10, 6, 3));
    assertEquals(4 - 3, eval("- N1 N0", 3, 4));
    assertEquals(3.14 * 2 * 2, eval("* 3.14 ^ N0 2", 2), 1e-12);
    assertEquals(5, eval("+ number0 1", 4), "placeholder spelling of a quantity");
  }

  @Test
  void divisionByZeroNonFiniteAndMalformedAreNaN() {
    assertTrue(Double.isNaN(eval("/ N0 N1", 3, 0)));
    assertTrue(Double.isNaN(eval("/ N0 - N1 N1", 3, 2)));
    assertTrue(Double.isNaN(eval("^ N0 N1", 10, 400)), "overflow to infinity");
    assertTrue(Double.isNaN(eval("^ N0 N1", -8, 0.5)), "NaN power");
    assertTrue(Double.isNaN(eval("+ N0", 3)), "missing operand");
    assertTrue(Double.isNaN(eval("+ N0 N1 N0", 3, 4)), "surplus operand");
    assertTrue(Double.isNaN(eval("+ N0 N5", 3, 4)), "quantity the problem lacks");
    assertTrue(Double.isNaN(eval("+ N0 x", 3)), "unknown token");
    assertTrue(Double.isNaN(PrefixExpression.evaluate(List.of(), new double[0]).value()), "empty");
  }

  @Test
  void vocabulariesFollowGtsLayout() {
    MwpDataBuilder.Vocabularies v = MwpFixture.vocabularies();
    OutputVocab out = v.output();
    assertEquals(List.of("+", "-", "*", "/"), out.operators(), "operators present in train, canonical order");
    assertEquals(List.of("1"), out.constants());
    assertEquals(3, out.maxQuantities());
    assertEquals(List.of("+", "-", "*", "/", "1", "N0", "N1", "N2"), out.tokens(new int[] {0, 1, 2, 3, 4, 5, 6, 7}));
    assertEquals(4, out.id("1.0"), "constants match by value");
    assertEquals(7, out.id("number2"));
    assertEquals(-1, out.id("N3"));
    assertEquals(-1, out.id("^"));
    assertEquals(List.of("<pad>", "<unk>", "NUM"), v.words().words().subList(0, 3));
  }

  @Test
  void problemsEncodeWordsPositionsTargetsAndAnswers() {
    MwpData data = MwpFixture.data();
    assertEquals(20, data.size());
    int i = data.ids().indexOf("t4n0"); // kim has number0 NOUN and buys number1 boxes of number2 NOUN ...
    assertArrayEquals(new int[] {2, 6, 9}, data.quantities()[i]);
    assertEquals(WordVocab.NUM, data.inputs()[i][2]);
    assertArrayEquals(new int[] {0, 5, 2, 6, 7}, data.targets()[i]);
    assertEquals(5 + 2 * 8, data.answers()[i]);
    assertEquals(List.of("+", "N0", "*", "N1", "N2"), data.targetTokens(i));
    assertEquals(5, data.longestTarget());
  }

  @Test
  void unseenAndRareWordsAreUnknown() {
    WordVocab words = WordVocab.build(List.of(List.of("a", "b", "a"), List.of("number0", "a")), 2);
    assertEquals(List.of("<pad>", "<unk>", "NUM", "a"), words.words());
    assertArrayEquals(new int[] {3, WordVocab.UNK, WordVocab.UNK, WordVocab.NUM}, words.encode(List.of("a", "b", "zz",
        "number7")));
  }

  @Test
  void trainingDropsWhatTeacherForcingCannotUseEvaluationKeepsIt() {
    MwpDataBuilder.Vocabularies v = MwpFixture.vocabularies();
    List<MwpProblem> odd = List.of(
        new MwpProblem("ok", List.of("x", "number0", "number1"), new double[] {1, 2}, List.of("+", "N0", "N1")),
        new MwpProblem("rare-constant", List.of("x", "number0"), new double[] {1}, List.of("*", "N0", "3.14"), 3.14),
        new MwpProblem("malformed", List.of("x", "number0"), new double[] {1}, List.of("+", "N0")));
    assertEquals(List.of("ok"), MwpDataBuilder.encode(odd, v, true, 0).ids());
    MwpData eval = MwpDataBuilder.encode(odd, v, false, 0);
    assertEquals(3, eval.size());
    assertArrayEquals(new int[] {2, 5, -1}, eval.targets()[1]);
    assertEquals(3.14, eval.answers()[1]);
    assertThrows(IllegalArgumentException.class, () -> MwpDataBuilder.encode(
        List.of(new MwpProblem("no-placeholder", List.of("x"), new double[] {1}, List.of("N0"))), v, true, 0));
  }
}
