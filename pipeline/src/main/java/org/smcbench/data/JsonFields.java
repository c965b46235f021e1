package org.smcbench.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Field access shared by the JSON readers: absent, null and non-scalar fields read as null. */
final class JsonFields {
  private JsonFields() {}

  static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
      return null;
    }
    return e.getAsString();
  }

  /** The text as a JSON object, or the reason it is not one (invalid UTF-8, empty, not JSON, not an object). */
  static ParseOutcome<JsonObject> object(String text) {
    if (text.indexOf('\uFFFD') >= 0) {
      return ParseOutcome.malformed("invalid UTF-8 (replacement character in the decoded text)");
    }
    if (text.isBlank()) {
      return ParseOutcome.malformed("empty line");
    }
    try {
      JsonElement parsed = JsonParser.parseString(text);
      if (!parsed.isJsonObject()) {
        return ParseOutcome.malformed("not a JSON object");
      }
      return ParseOutcome.ok(parsed.getAsJsonObject());
    } catch (JsonParseException | IllegalStateException e) {
      return ParseOutcome.malformed("invalid JSON: " + e.getMessage());
    }
  }
}
