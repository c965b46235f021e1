package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written tokenizer.json, read back by DJL's Hugging Face tokenizer. */
class TokenizerJsonWriterTest {
  static final String M = MetaspacePreTokenizer.REPLACEMENT;
  static final List<String> LANGUAGES = List.of("en_XX", "fr_XX", "cs_CZ", "zh_CN", "ja_XX", "ru_RU");
  static final List<String> SENTENCES = List.of(
      "Le  chat, qui dort sur le canape\u0301, n'a pas faim.",
      "Příliš žluťoučký kůň úpěl ďábelské ódy.",
      "我们明天去北京开会。",
      "東京は日本の首都です。\u3000ｶﾀｶﾅも。",
      "Съешь же ещё этих мягких французских булок, да выпей чаю.",
      "\tThe quick brown fox \uFB01nds ½ of it.  ");

  static Map<String, Long> sentenceCounts() {
    Map<String, Long> counts = new HashMap<>();
    for (String s : SENTENCES) {
      MetaspacePreTokenizer.preTokenize(s).forEach(w -> counts.merge(w, 1L, Long::sum));
    }
    return counts;
  }

  @Test
  void djlLoadsItAndFindsEverySpecialAndLanguageToken() {
    BpeVocabulary v = BpeVocabulary.learn(sentenceCounts(), LANGUAGES, 400);
    try (SubwordTokenizer tokenizer = SubwordTokenizer.of(v)) {
      assertArrayEquals(new int[] {0}, tokenizer.encode("<s>"));
      assertArrayEquals(new int[] {1}, tokenizer.encode("<pad>"));
      assertArrayEquals(new int[] {2}, tokenizer.encode("</s>"));
      assertArrayEquals(new int[] {3}, tokenizer.encode("<unk>"));
      assertArrayEquals(new int[] {v.maskId()}, tokenizer.encode("<mask>"));
      for (String code : LANGUAGES) {
        assertArrayEquals(new int[] {v.languageId(code)}, tokenizer.encode(code), code);
      }
      assertEquals(4 + v.subwordCount(), v.languageId("en_XX"));
      assertEquals(v.size() - 1, v.maskId());
    }
  }

  @Test
  void encodeThenDecodeGivesTheNormalizedTextWithSingleSpaces() {
    BpeVocabulary v = BpeVocabulary.learn(sentenceCounts(), LANGUAGES, 400);
    try (SubwordTokenizer tokenizer = SubwordTokenizer.of(v)) {
      for (String s : SENTENCES) {
        int[] ids = tokenizer.encode(s);
        assertFalse(Arrays.stream(ids).anyMatch(id -> id == v.unkId()), s);
        assertEquals(MetaspacePreTokenizer.normalize(s), tokenizer.decode(ids), s);
      }
      assertEquals("Le chat, qui dort sur le canapé, n'a pas faim.", tokenizer.decode(tokenizer.encode(SENTENCES.get(0))));
      assertEquals("東京は日本の首都です。 カタカナも。", tokenizer.decode(tokenizer.encode(SENTENCES.get(3))));
      assertEquals("The quick brown fox finds 1⁄2 of it.", tokenizer.decode(tokenizer.encode(SENTENCES.get(5))));
      // The task puts language tokens and </s> around the subwords; decoding leaves them out.
      int[] framed = concat(new int[] {v.languageId("fr_XX")}, tokenizer.encode("le chat"), new int[] {v.eosId()});
      assertEquals("le chat", tokenizer.decode(framed));
    }
  }

  @Test
  void paperVocabularyEncodesByMergeRankAndUnseenCharactersAsUnk() {
    BpeVocabulary v = BpeVocabulary.learn(BpeLearnerTest.paperCounts(), List.of("en_XX"), 1000);
    try (SubwordTokenizer tokenizer = SubwordTokenizer.of(v)) {
      assertEquals(List.of(M + "low", "est", M, "n", "ew", "er"), tokensOf(tokenizer, "lowest  newer"));
      Map<String, Integer> ids = v.ids();
      assertArrayEquals(new int[] {ids.get(M + "low"), 3, ids.get("d")}, tokenizer.encode("lowzd"));
      assertArrayEquals(new int[] {ids.get(M + "widest"), ids.get(M), 3, ids.get(M + "low")},
          tokenizer.encode("widest Z low"));
      assertEquals("lowd", tokenizer.decode(tokenizer.encode("lowzd")));
    }
  }

  @Test
  void sameCountsGiveIdenticalBytes(@TempDir Path dir) throws Exception {
    Map<String, Long> counts = sentenceCounts();
    Map<String, Long> reversed = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(new TreeMap<>(counts).keySet());
    Collections.reverse(keys);
    keys.forEach(k -> reversed.put(k, counts.get(k)));
    TokenizerJsonWriter.write(BpeVocabulary.learn(counts, LANGUAGES, 300), dir.resolve("a.json"));
    TokenizerJsonWriter.write(BpeVocabulary.learn(reversed, LANGUAGES, 300), dir.resolve("b.json"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("b.json")));
    try (SubwordTokenizer fromFile = SubwordTokenizer.fromJson(dir.resolve("a.json"))) {
      assertEquals(MetaspacePreTokenizer.normalize(SENTENCES.get(1)),
          fromFile.decode(fromFile.encode(SENTENCES.get(1))));
    }
  }

  @Test
  void schemaOfTokenizers021() {
    BpeVocabulary v = BpeVocabulary.learn(BpeLearnerTest.paperCounts(), List.of("en_XX"), 1000);
    String json = TokenizerJsonWriter.toJson(v);
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    assertEquals("1.0", root.get("version").getAsString());
    assertEquals("BPE", root.getAsJsonObject("model").get("type").getAsString());
    assertEquals("<unk>", root.getAsJsonObject("model").get("unk_token").getAsString());
    assertEquals("[\"e\",\"s\"]", root.getAsJsonObject("model").getAsJsonArray("merges").get(0).toString());
    assertEquals(32, root.getAsJsonObject("model").getAsJsonObject("vocab").size(), "4 + 26 subwords + en_XX + <mask>");
    assertEquals(6, root.getAsJsonArray("added_tokens").size(), "4 specials, en_XX, <mask>");
    assertEquals("{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"always\",\"split\":true}",
        root.get("pre_tokenizer").toString());
    assertEquals(root.get("pre_tokenizer"), root.get("decoder"));
    assertEquals("[\"NFKC\",\"Replace\",\"Strip\"]", types(root.getAsJsonObject("normalizer")));
    assertEquals("null", root.get("post_processor").toString());
    assertFalse(json.contains("\\u003c"), "special tokens written as <s>, not HTML-escaped");
    assertEquals(json, new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  private static String types(JsonObject sequence) {
    List<String> out = new ArrayList<>();
    sequence.getAsJsonArray("normalizers").forEach(n -> out.add("\"" + n.getAsJsonObject().get("type").getAsString() + "\""));
    return out.toString().replace(" ", "");
  }

  private static List<String> tokensOf(SubwordTokenizer tokenizer, String text) {
    return List.of(tokenizer.encoding(text).getTokens());
  }

  private static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }
}
