package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.huggingface.tokenizers.Encoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java pre-tokenization against what the written tokenizer.json makes DJL's tokenizer do. */
class MetaspacePreTokenizerTest {
  static final List<String> TRICKY = List.of(
      "Hello   world",
      "tab\tseparated\t\twords",
      "  leading and trailing  ",
      "中文没有空格。日本語もスペースなし",
      "e\u0301cole cafe\u0301",
      "a\u0308\u0323 combining marks reorder",
      "\uFB01ne \uFF26\uFF35\uFF2C\uFF2C\u3000\uFF57\uFF49\uFF44\uFF54\uFF48",
      "line\nbreak\r\nand\u00A0nbsp\u2009thin\u0085nel\u2028ls",
      "x \u2581y\u2581\u2581z",
      "a\u00A8b",
      "zero\u200Bwidth emoji \uD83D\uDE00 \uD835\uDD18\uD835\uDD2B\uD835\uDD26",
      "",
      " \t\n ",
      "\u2581");

  @Test
  void examples() {
    assertEquals(List.of("\u2581Hello", "\u2581world"), MetaspacePreTokenizer.preTokenize("  Hello \t\n world "));
    assertEquals(List.of("\u2581école", "\u2581fine"), MetaspacePreTokenizer.preTokenize("e\u0301cole \uFB01ne"));
    assertEquals(List.of("\u2581x", "\u2581", "\u2581y"), MetaspacePreTokenizer.preTokenize("x \u2581y"));
    assertEquals(List.of(), MetaspacePreTokenizer.preTokenize(" \u3000\t"));
    assertEquals(List.of("\u2581中文。"), MetaspacePreTokenizer.preTokenize("中文。"));
  }

  @Test
  void equalsTheHuggingFaceTokenizersPreTokenization() {
    Map<String, Long> counts = new HashMap<>();
    for (String text : TRICKY) {
      for (String w : MetaspacePreTokenizer.preTokenize(text)) {
        counts.merge(w, 1L, Long::sum);
      }
    }
    BpeVocabulary vocabulary = BpeVocabulary.learn(counts, List.of("en_XX"), 500);
    try (SubwordTokenizer tokenizer = SubwordTokenizer.of(vocabulary)) {
      for (String text : TRICKY) {
        assertEquals(MetaspacePreTokenizer.preTokenize(text), wordsOf(tokenizer.encoding(text)), printable(text));
      }
    }
  }

  /** The tokenizer's pre-tokens: its tokens joined by word index. */
  static List<String> wordsOf(Encoding encoding) {
    String[] tokens = encoding.getTokens();
    long[] wordIds = encoding.getWordIds();
    List<String> words = new ArrayList<>();
    long current = Long.MIN_VALUE;
    for (int i = 0; i < tokens.length; i++) {
      if (wordIds[i] != current || words.isEmpty()) {
        words.add(tokens[i]);
        current = wordIds[i];
      } else {
        words.set(words.size() - 1, words.get(words.size() - 1) + tokens[i]);
      }
    }
    return words;
  }

  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp > 0x7E ? String.format("\\u{%X}", cp) : Character.toString(cp)));
    return b.toString();
  }
}
