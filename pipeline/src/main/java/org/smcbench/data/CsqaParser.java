package org.smcbench.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
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
    if (line.indexOf('\uFFFD') >= 0) {
      return ParseOutcome.malformed("invalid UTF-8 (replacement character in the decoded line)");
    }
    if (line.isBlank()) {
      return ParseOutcome.malformed("empty line");
    }
    JsonObject root;
    try {
      JsonElement parsed = JsonParser.parseString(line);
      if (!parsed.isJsonObject()) {
        return ParseOutcome.malformed("not a JSON object");
      }
      root = parsed.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return ParseOutcome.malformed("invalid JSON: " + e.getMessage());
    }
    String id = string(root, "id");
    if (id == null || id.isBlank()) {
      return ParseOutcome.malformed("missing field 'id'");
    }
    if (!root.has("question") || !root.get("question").isJsonObject()) {
      return ParseOutcome.malformed("missing field 'question'");
    }
    JsonObject question = root.getAsJsonObject("question");
    String stem = string(question, "stem");
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
      String label = string(choice, "label");
      String text = string(choice, "text");
      if (label == null || text == null || text.isBlank()) {
        return ParseOutcome.malformed("question.choices[" + i + "] lacks 'label' or non-empty 'text'");
      }
      labels.add(label);
      texts.add(text);
    }
    Integer answer = null;
    if (root.has("answerKey") && !root.get("answerKey").isJsonNull()) {
      String key = string(root, "answerKey");
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

  private static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
      return null;
    }
    return e.getAsString();
  }
}
