package org.smcbench.task.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Tokenizer output and the character classes behind it, against sacreBLEU 2.6.0's. */
class BleuTokenizersTest {
  @TestFactory
  Stream<DynamicTest> tokenizersMatchSacreBleu() {
    return SacreBleuCases.list("tokenizer_cases").stream().map(c -> DynamicTest.dynamicTest(
        c.get("tokenizer").asText() + ": " + c.get("input").asText().replace("\n", "\\n"),
        () -> assertEquals(c.get("output").asText(),
            BleuTokenizers.byName(c.get("tokenizer").asText()).tokenize(c.get("input").asText()))));
  }

  @Test
  void pythonWhitespaceIsTheSameCodePoints() {
    Set<Integer> expected = new HashSet<>();
    SacreBleuCases.root().get("python_whitespace").forEach(n -> expected.add(n.asInt()));
    Set<Integer> actual = new HashSet<>();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (PyText.isSpace((char) c)) {
        actual.add(c);
      }
    }
    assertEquals(expected, actual);
    // Python splits on no-break space; Java's String.split("\\s+") would not.
    assertEquals(List.of("a", "b", "c"), PyText.split("\u00a0a\u3000b\u001cc\u2028"));
    assertEquals("a b", PyText.squeeze("  a \t\n b  "));
    assertEquals(" a", PyText.rstrip(" a\u00a0 \n"));
    assertEquals("a", PyText.strip("\u2009a\u3000"));
  }

  /** Every code point the zh tokenizer splits off, all 1.1 million compared, quirky ranges included. */
  @Test
  void zhChineseCharactersAreSacreBleusExactly() {
    List<int[]> expected = new ArrayList<>();
    SacreBleuCases.root().get("zh_ranges").forEach(r -> expected.add(new int[] {r.get(0).asInt(), r.get(1).asInt()}));
    List<int[]> actual = new ArrayList<>();
    int start = -1;
    for (int cp = 0; cp <= Character.MAX_CODE_POINT + 1; cp++) {
      boolean hit = cp <= Character.MAX_CODE_POINT && !(cp >= 0xD800 && cp <= 0xDFFF) && TokenizerZh.isChinese(cp);
      if (hit && start < 0) {
        start = cp;
      } else if (!hit && start >= 0) {
        actual.add(new int[] {start, cp - 1});
        start = -1;
      }
    }
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(Integer.toHexString(expected.get(i)[0]) + ".." + Integer.toHexString(expected.get(i)[1]),
          Integer.toHexString(actual.get(i)[0]) + ".." + Integer.toHexString(actual.get(i)[1]));
    }
    // The left double quotation mark falls in the range sacreBLEU meant as CJK Extension B.
    assertEquals("“ a ”", BleuTokenizers.byName("zh").tokenize("“a”"));
  }

  @Test
  void targetLanguagesGetTheirTokenizer() {
    assertEquals("zh", BleuTokenizers.forTarget("zh").name());
    assertEquals("zh", BleuTokenizers.forTarget("zh-Hans").name());
    assertEquals("zh", BleuTokenizers.forTarget("ZH_cn").name());
    assertEquals("char", BleuTokenizers.forTarget("ja").name());
    assertEquals("char", BleuTokenizers.forTarget("ko").name());
    assertEquals("char", BleuTokenizers.forTarget("my").name());
    assertEquals("13a", BleuTokenizers.forTarget("en").name());
    assertEquals("13a", BleuTokenizers.forTarget("fr").name());
    assertEquals("13a", BleuTokenizers.forTarget(null).name());
    assertEquals("13a", BleuTokenizers.forTarget("").name());
    assertEquals("tok:char", CorpusBleu.forTarget("ja").signature(1).split("\\|")[3]);
  }

  @Test
  void namesRoundTripAndUnknownOnesFail() {
    for (String name : BleuTokenizers.NAMES) {
      assertEquals(name, BleuTokenizers.byName(name).name());
    }
    assertEquals("13a", BleuTokenizers.defaultTokenizer().name());
    assertThrows(IllegalArgumentException.class, () -> BleuTokenizers.byName("ja-mecab"));
  }
}
