package org.smcbench.task.mwp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Twenty small synthetic problems: ten templates (one, two and three quantities, a constant, all
 * four operators, nested on either side) told about two different nouns.
 */
public final class MwpFixture {
  private MwpFixture() {}

  private record Template(String text, String prefix, double[][] numbers) {}

  private static final List<Template> TEMPLATES = List.of(
      new Template("tom has number0 NOUN and gets number1 more NOUN . how many NOUN does tom have ?",
          "+ N0 N1", new double[][] {{3, 4}, {12, 30}}),
      new Template("ann has number0 NOUN and gives number1 NOUN away . how many NOUN are left ?",
          "- N0 N1", new double[][] {{9, 4}, {50, 18}}),
      new Template("each bag holds number0 NOUN . sam buys number1 bags . how many NOUN does sam get ?",
          "* N0 N1", new double[][] {{6, 7}, {11, 3}}),
      new Template("lee shares number0 NOUN equally among number1 friends . how many NOUN does each friend get ?",
          "/ N0 N1", new double[][] {{12, 4}, {45, 9}}),
      new Template("kim has number0 NOUN and buys number1 boxes of number2 NOUN . how many NOUN in all ?",
          "+ N0 * N1 N2", new double[][] {{5, 2, 8}, {10, 3, 6}}),
      new Template("a shop had number0 NOUN , put number1 NOUN into number2 crates and sold one crate . how many NOUN remain ?",
          "- N0 / N1 N2", new double[][] {{40, 20, 4}, {35, 12, 3}}),
      new Template("max has number0 NOUN and finds one more . how many NOUN now ?",
          "+ N0 1", new double[][] {{7}, {19}}),
      new Template("joe had number0 NOUN and now has number1 NOUN . how many NOUN did joe get ?",
          "- N1 N0", new double[][] {{8, 15}, {21, 40}}),
      new Template("a box has number0 red NOUN and number1 blue NOUN . there are number2 boxes . how many NOUN ?",
          "* + N0 N1 N2", new double[][] {{2, 3, 4}, {5, 1, 7}}),
      new Template("eve has number0 NOUN , eats number1 and splits the rest among number2 kids . how many NOUN per kid ?",
          "/ - N0 N1 N2", new double[][] {{14, 2, 3}, {30, 6, 8}}));

  private static final List<String> NOUNS = List.of("apples", "coins");

  public static List<MwpProblem> problems() {
    List<MwpProblem> out = new ArrayList<>();
    for (int t = 0; t < TEMPLATES.size(); t++) {
      Template template = TEMPLATES.get(t);
      for (int n = 0; n < NOUNS.size(); n++) {
        List<String> tokens = Arrays.asList(template.text().replace("NOUN", NOUNS.get(n)).split(" "));
        out.add(new MwpProblem("t" + t + "n" + n, tokens, template.numbers()[n],
            Arrays.asList(template.prefix().split(" ")), Double.NaN, cells(tokens)));
      }
    }
    return out;
  }

  /** Quantity cells as the SVAMP files give them: each quantity with its neighbours. */
  static int[] cells(List<String> tokens) {
    java.util.TreeSet<Integer> cells = new java.util.TreeSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).startsWith("number")) {
        for (int j = i - 1; j <= i + 1; j++) {
          if (j >= 0 && j < tokens.size()) {
            cells.add(j);
          }
        }
      }
    }
    return cells.stream().mapToInt(Integer::intValue).toArray();
  }

  public static MwpDataBuilder.Vocabularies vocabularies() {
    return MwpDataBuilder.vocabularies(problems(), 1, 1);
  }

  public static MwpData data() {
    return MwpDataBuilder.encode(problems(), vocabularies(), true, 0);
  }
}
