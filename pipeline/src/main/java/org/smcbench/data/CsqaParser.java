package org.smcbench.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * CommonsenseQA JSONL ({@code train_rand_split.jsonl} etc.): {@code id}, {@code question.stem},
 * {@code question.choices[{label,text}]}, {@code answerKey} (absent in the test split).
 */
public final class CsqaParser implements LineParser<McQuestion> {
  private static final long serialVersionUID = 1L;

  @Override
  public ParseOutcome<McQuestion> parse(String line) {
    ParseOutcome<JsonObject> json = JsonFields.object(line);
    if (json instanceof ParseOutcome.Malformed<JsonObject> bad) {
      return ParseOutcome.malformed(bad.reason());
    }
    JsonObject root = ((ParseOutcome.Ok<JsonObject>) json).value();
    String id = JsonFields.string(root, "id");
    if (id == null || id.isBlank()) {
      return ParseOutcome.malformed("missing field 'id'");
    }
    if (!root.has("question") || !root.get("question").isJsonObject()) {
      return ParseOutcome.malformed("missing field 'question'");
    }
    JsonObject question = root.getAsJsonObject("question");
    String stem = JsonFields.string(question, "stem");
    if (stem == null || stem.isBlank()) {
      return ParseOutcome.malformed("missing or empty field 'question.stem'");
    }
    if (!question.has("choices") || !question.get("choices").isJsonArray()) {
      return ParseOutcome.malformed("missing field 'question.choices'");
    }
    JsonArray choices = question.getAsJsonArray("choices");
    if (choices.size() < 2) {
      return ParseOutcome.malformed("question.choices has " + choices.size() + " entries, need at least 2");
    }
    List<String> labels = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      if (!choices.get(i).isJsonObject()) {
        return ParseOutcome.malformed("question.choices[" + i + "] is not an object");
      }
      JsonObject choice = choices.get(i).getAsJsonObject();
      String label = JsonFields.string(choice, "label");
      String text = JsonFields.string(choice, "text");
      if (label == null || text == null || text.isBlank()) {
        return ParseOutcome.malformed("question.choices[" + i + "] lacks 'label' or non-empty 'text'");
      }
      labels.add(label);
      texts.add(text);
    }
    Integer answer = null;
    if (root.has("answerKey") && !root.get("answerKey").isJsonNull()) {
      String key = JsonFields.string(root, "answerKey");
      int index = labels.indexOf(key);
      if (index < 0) {
        return ParseOutcome.malformed("answerKey '" + key + "' is not one of the choice labels " + labels);
      }
      answer = index;
    }
    List<String> firsts = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      firsts.add(stem);
    }
    return ParseOutcome.ok(new McQuestion(id, "", stem, texts, firsts, texts, answer));
  }
}
