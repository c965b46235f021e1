package org.smcbench.data;

import java.io.Serializable;
import java.util.List;

/**
 * A multiple-choice question as text, before tokenization. Each choice becomes one model input
 * {@code [CLS] context first [SEP] second [SEP]}: CSQA puts the question in {@code first} and the
 * answer in {@code second}; RACE puts the article in {@code context} (truncated first) and the
 * question with the option in {@code second}; WinoGrande puts the sentence up to the blank in
 * {@code first} and the option with the rest of the sentence in {@code second}.
 *
 * @param label index of the right choice, or null where the split has no public answers
 */
public record McQuestion(
    String id,
    String context,
    String question,
    List<String> choices,
    List<String> firsts,
    List<String> seconds,
    Integer label) implements Serializable {

  public McQuestion {
    if (choices.size() != firsts.size() || choices.size() != seconds.size()) {
      throw new IllegalArgumentException("choices, firsts and seconds differ in length");
    }
    choices = List.copyOf(choices);
    firsts = List.copyOf(firsts);
    seconds = List.copyOf(seconds);
  }
}
