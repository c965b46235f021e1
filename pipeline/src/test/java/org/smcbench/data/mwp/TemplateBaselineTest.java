package org.smcbench.data.mwp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateBaselineTest {
  private static MwpRecord problem(String equation, double answer, Double... numbers) {
    return new MwpRecord(List.of("q"), List.of(numbers), Arrays.asList(equation.split(" ")), answer, "h");
  }

  @Test
  void predictsTheMostFrequentTrainTemplateForEveryDevProblem() {
    List<MwpRecord> train = List.of(problem("+ number0 number1", 3, 1.0, 2.0), problem("- number0 number1", 1, 3.0, 2.0),
        problem("- number0 number1", 4, 6.0, 2.0), problem("* number0 number1", 6, 3.0, 2.0));
    List<MwpRecord> dev = List.of(
        problem("- number0 number1", 5, 7.0, 2.0), // template gives 5: right
        problem("+ number1 number0", 9, 7.0, 2.0), // template gives 5: wrong
        problem("- number0 number2", 7, 9.0, 1.0, 2.0), // template gives 8: wrong
        problem("number0", 4, 4.0)); // template needs number1: invalid, wrong
    TemplateBaseline.Result r = TemplateBaseline.run(train, dev);
    assertEquals(List.of("-", "number0", "number1"), r.template());
    assertEquals(2, r.trainCount());
    assertEquals(0.25, r.devAccuracy(), 0);
  }

  @Test
  void tiesGoToTheSmallestTemplateString() {
    List<MwpRecord> train = List.of(problem("- number0 number1", 1, 3.0, 2.0), problem("+ number0 number1", 3, 1.0, 2.0));
    assertEquals(List.of("+", "number0", "number1"), TemplateBaseline.mostFrequentTemplate(train));
  }

  @Test
  void foldLayoutsExpandToTheSplitFiles() {
    MwpFolds mawps = MwpFolds.mawps();
    assertEquals(10, mawps.entries().size());
    assertEquals(new MwpFolds.Entry("0", "train", "mawps/data/cv_mawps/fold0/train.csv"), mawps.entries().get(0));
    assertEquals(new MwpFolds.Entry("4", "dev", "mawps/data/cv_mawps/fold4/dev.csv"), mawps.entries().get(9));
    assertEquals(List.of("0", "1", "2", "3", "4"), MwpFolds.asdivA().folds());
    assertEquals("asdiv-a/data/cv_asdiv-a/fold2/dev.csv", MwpFolds.asdivA().entry("2", "dev").path());
    MwpFolds svamp = MwpFolds.svamp();
    assertEquals(List.of(new MwpFolds.Entry("", "train", "svamp/data/mawps-asdiv-a_svamp/train.csv"),
        new MwpFolds.Entry("", "dev", "svamp/data/mawps-asdiv-a_svamp/dev.csv")), svamp.entries());
    assertEquals(List.of(""), svamp.folds());
  }
}
