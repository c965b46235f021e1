package org.smcbench.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * RACE ({@code RACE/{train,dev,test}/{high,middle}/*.txt}): one JSON object per file, a passage
 * with several questions: {@code id}, {@code article}, {@code questions[]}, {@code options[][4]},
 * {@code answers[]} ("A"–"D"). One example per question, numbered from 1 in its file. Each option
 * becomes {@code [CLS] article [SEP] question+option [SEP]}, where question+option is, as in
 * fairseq's RACE preprocessing, the question with its blank {@code _} replaced by the option, or
 * the question followed by the option when it has no blank; the article is what gets truncated.
 */
public final class RaceParser implements FileParser<McQuestion> {
  private static final long serialVersionUID = 1L;
  private static final int CHOICES = 4;

  @Override
  public List<Parsed<McQuestion>> parse(String content) {
    ParseOutcome<JsonObject> json = JsonFields.object(content);
    if (json instanceof ParseOutcome.Malformed<JsonObject> bad) {
      return List.of(new Parsed<>(0, content, ParseOutcome.malformed(bad.reason())));
    }
    JsonObject root = ((ParseOutcome.Ok<JsonObject>) json).value();
    String fileProblem = fileProblem(root);
    if (fileProblem != null) {
      return List.of(new Parsed<>(0, content, ParseOutcome.malformed(fileProblem)));
    }
    String id = JsonFields.string(root, "id").replaceFirst("\\.txt$", "");
    String article = JsonFields.string(root, "article");
    JsonArray questions = root.getAsJsonArray("questions");
    JsonArray options = root.getAsJsonArray("options");
    JsonArray answers = root.getAsJsonArray("answers");
    List<Parsed<McQuestion>> out = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      JsonObject raw = new JsonObject();
      raw.addProperty("id", id);
      raw.add("question", questions.get(i));
      raw.add("options", options.get(i));
      raw.add("answer", answers.get(i));
      out.add(new Parsed<>(i + 1, raw.toString(), question(id + "-" + (i + 1), article, questions.get(i),
          options.get(i), answers.get(i), i)));
    }
    return out;
  }

  /** What makes the whole file unusable, or null. */
  private static String fileProblem(JsonObject root) {
    String id = JsonFields.string(root, "id");
    if (id == null || id.isBlank()) {
      return "missing field 'id'";
    }
    String article = JsonFields.string(root, "article");
    if (article == null || article.isBlank()) {
      return "missing or empty field 'article'";
    }
    for (String field : List.of("questions", "options", "answers")) {
      if (!root.has(field) || !root.get(field).isJsonArray()) {
        return "missing array field '" + field + "'";
      }
    }
    int n = root.getAsJsonArray("questions").size();
    if (n == 0) {
      return "no questions";
    }
    if (root.getAsJsonArray("options").size() != n || root.getAsJsonArray("answers").size() != n) {
      return "questions, options and answers differ in length (" + n + ", "
          + root.getAsJsonArray("options").size() + ", " + root.getAsJsonArray("answers").size() + ")";
    }
    return null;
  }

  private static ParseOutcome<McQuestion> question(String id, String article, JsonElement questionJson,
      JsonElement optionsJson, JsonElement answerJson, int index) {
    String at = "question " + (index + 1) + ": ";
    if (!questionJson.isJsonPrimitive() || questionJson.getAsString().isBlank()) {
      return ParseOutcome.malformed(at + "empty question text");
    }
    String question = questionJson.getAsString().strip();
    if (!optionsJson.isJsonArray() || optionsJson.getAsJsonArray().size() != CHOICES) {
      return ParseOutcome.malformed(at + "needs exactly " + CHOICES + " options");
    }
    List<String> options = new ArrayList<>();
    for (JsonElement o : optionsJson.getAsJsonArray()) {
      if (!o.isJsonPrimitive() || o.getAsString().isBlank()) {
        return ParseOutcome.malformed(at + "option " + (options.size() + 1) + " is empty");
      }
      options.add(o.getAsString().strip());
    }
    String answer = answerJson.isJsonPrimitive() ? answerJson.getAsString() : "";
    int label = answer.length() == 1 ? answer.charAt(0) - 'A' : -1;
    if (label < 0 || label >= CHOICES) {
      return ParseOutcome.malformed(at + "answer '" + answer + "' is not one of A-D");
    }
    List<String> firsts = new ArrayList<>();
    List<String> seconds = new ArrayList<>();
    for (String option : options) {
      firsts.add("");
      seconds.add(question.contains("_") ? question.replace("_", option) : question + " " + option);
    }
    return ParseOutcome.ok(new McQuestion(id, article, question, options, firsts, seconds, label));
  }
}
