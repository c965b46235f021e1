package org.smcbench.data.mwp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trivial reference beside every dense accuracy: predict, for every dev problem, the equation
 * template seen most often in train. The gold equations are already templates (quantities appear
 * as {@code number<i>}), so a template is the token list itself; a dev problem with fewer numbers
 * than the template needs gets an invalid, hence wrong, prediction.
 */
public final class TemplateBaseline {
  /** The chosen template, how many train problems use it, and its dev answer accuracy. */
  public record Result(List<String> template, long trainCount, int trainSize, double devAccuracy, int devSize) {}

  private TemplateBaseline() {}

  /** Most frequent train equation; ties go to the lexicographically smallest "a b c" string, so it is deterministic. */
  public static List<String> mostFrequentTemplate(List<MwpRecord> train) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no train problems");
    }
    Map<List<String>, Long> counts = new HashMap<>();
    for (MwpRecord r : train) {
      counts.merge(r.equation(), 1L, Long::sum);
    }
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<List<String>, Long>>comparingLong(Map.Entry::getValue)
            .thenComparing(e -> String.join(" ", e.getKey()), Comparator.reverseOrder()))
        .orElseThrow().getKey();
  }

  public static Result run(List<MwpRecord> train, List<MwpRecord> dev) {
    List<String> template = mostFrequentTemplate(train);
    long uses = train.stream().filter(r -> r.equation().equals(template)).count();
    List<List<String>> predictions = new ArrayList<>();
    for (int i = 0; i < dev.size(); i++) {
      predictions.add(template);
    }
    return new Result(template, uses, train.size(), MwpAnswers.accuracy(dev, predictions), dev.size());
  }
}
