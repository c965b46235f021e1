package org.smcbench.task.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The expectations that scripts/sacrebleu_cases.py computed with the real sacreBLEU 2.6.0
 * (src/test/resources/translation/sacrebleu_cases.json), and the comparisons the tests share.
 */
final class SacreBleuCases {
  private SacreBleuCases() {}

  private static JsonNode root;

  static synchronized JsonNode root() {
    if (root == null) {
      try (InputStream in = SacreBleuCases.class.getResourceAsStream("/translation/sacrebleu_cases.json")) {
        root = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertEquals("2.6.0", root.get("sacrebleu_version").asText());
    }
    return root;
  }

  static List<JsonNode> list(String field) {
    List<JsonNode> out = new ArrayList<>();
    root().get(field).forEach(out::add);
    assertTrue(out.size() > 0, field);
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<List<String>> nested(JsonNode array) {
    List<List<String>> out = new ArrayList<>();
    array.forEach(n -> out.add(strings(n)));
    return out;
  }

  static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  /** sacreBLEU's signature as ours reads: same fields, version "2.6.0-smc". */
  static String ourSignature(String sacreBleuSignature) {
    assertTrue(sacreBleuSignature.endsWith("|version:2.6.0"), sacreBleuSignature);
    return sacreBleuSignature + "-smc";
  }

  /** Within 1e-9 relative, or exactly 0 when sacreBLEU says 0. */
  static void assertClose(double expected, double actual, String what) {
    if (expected == 0) {
      assertEquals(0.0, actual, 0.0, what);
    } else {
      assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }
  }
}
