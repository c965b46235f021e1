package org.smcbench.data;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * WinoGrande JSONL ({@code train_{xs,s,m,l}.jsonl}, {@code dev.jsonl}, {@code test.jsonl}):
 * {@code qID}, {@code sentence} with one blank {@code _}, {@code option1}, {@code option2},
 * {@code answer} "1" or "2" (absent in the test split). Each option fills the blank: the first
 * segment is the sentence up to the blank, the second the option and the rest of the sentence
 * (the WinoGrande authors' multiple-choice layout for RoBERTa).
 */
public final class WinograndeParser implements LineParser<McQuestion> {
  private static final long serialVersionUID = 1L;

  @Override
  public ParseOutcome<McQuestion> parse(String line) {
    ParseOutcome<JsonObject> json = JsonFields.object(line);
    if (json instanceof ParseOutcome.Malformed<JsonObject> bad) {
      return ParseOutcome.malformed(bad.reason());
    }
    JsonObject root = ((ParseOutcome.Ok<JsonObject>) json).value();
    String id = JsonFields.string(root, "qID");
    if (id == null || id.isBlank()) {
      return ParseOutcome.malformed("missing field 'qID'");
    }
    String sentence = JsonFields.string(root, "sentence");
    if (sentence == null || sentence.isBlank()) {
      return ParseOutcome.malformed("missing or empty field 'sentence'");
    }
    int blank = sentence.indexOf('_');
    if (blank < 0 || sentence.indexOf('_', blank + 1) >= 0) {
      return ParseOutcome.malformed("sentence must contain exactly one blank '_'");
    }
    String option1 = JsonFields.string(root, "option1");
    String option2 = JsonFields.string(root, "option2");
    if (option1 == null || option1.isBlank() || option2 == null || option2.isBlank()) {
      return ParseOutcome.malformed("missing or empty field 'option1' or 'option2'");
    }
    Integer label = null;
    if (root.has("answer") && !root.get("answer").isJsonNull()) {
      String answer = JsonFields.string(root, "answer");
      if (!"1".equals(answer) && !"2".equals(answer)) {
        return ParseOutcome.malformed("answer '" + answer + "' is not \"1\" or \"2\"");
      }
      label = Integer.parseInt(answer) - 1;
    }
    String context = sentence.substring(0, blank).strip();
    String rest = sentence.substring(blank + 1).strip();
    List<String> options = List.of(option1.strip(), option2.strip());
    List<String> seconds = options.stream().map(o -> rest.isEmpty() ? o : o + " " + rest).toList();
    return ParseOutcome.ok(new McQuestion(id, "", sentence, options, List.of(context, context), seconds, label));
  }
}
