package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code tokenizer.json} in the shape of mBART-50's (a SentencePiece Unigram model: the vocabulary is
 * a list of [piece, log-probability], the id is the position; a Metaspace pre-tokenizer; the fairseq
 * specials first and the language codes and {@code <mask>} as added tokens after the pieces), read
 * through DJL's Hugging Face tokenizers as a user's checkpoint folder would provide it.
 */
class SubwordTokenizerTest {
  private static final String[][] PIECES = {
      {"<s>", "0"}, {"<pad>", "0"}, {"</s>", "0"}, {"<unk>", "0"},
      {"▁le", "-2"}, {"▁chat", "-3"}, {"▁ch", "-4"}, {"at", "-4"}, {"s", "-6"}, {"▁", "-5"},
      {"▁the", "-2"}, {"▁cat", "-3"}, {"▁dog", "-3.5"}, {"n", "-7"}, {"o", "-7"}, {"i", "-7"}, {"r", "-7"}};
  private static final String[] ADDED = {"en_XX", "fr_XX", "<mask>"};

  @TempDir
  Path dir;

  private static JsonObject added(int id, String content) {
    JsonObject t = new JsonObject();
    t.addProperty("id", id);
    t.addProperty("content", content);
    t.addProperty("single_word", false);
    t.addProperty("lstrip", false);
    t.addProperty("rstrip", false);
    t.addProperty("normalized", false);
    t.addProperty("special", true);
    return t;
  }

  private static JsonObject metaspace() {
    JsonObject m = new JsonObject();
    m.addProperty("type", "Metaspace");
    m.addProperty("replacement", "▁");
    m.addProperty("prepend_scheme", "always");
    m.addProperty("split", true);
    return m;
  }

  private Path writeUnigram() throws Exception {
    JsonArray vocab = new JsonArray();
    JsonArray addedTokens = new JsonArray();
    for (int i = 0; i < PIECES.length; i++) {
      JsonArray piece = new JsonArray();
      piece.add(PIECES[i][0]);
      piece.add(Double.parseDouble(PIECES[i][1]));
      vocab.add(piece);
      if (i < 4) {
        addedTokens.add(added(i, PIECES[i][0]));
      }
    }
    for (int i = 0; i < ADDED.length; i++) {
      addedTokens.add(added(PIECES.length + i, ADDED[i]));
    }
    JsonObject model = new JsonObject();
    model.addProperty("type", "Unigram");
    model.addProperty("unk_id", 3);
    model.add("vocab", vocab);
    model.addProperty("byte_fallback", false);
    JsonObject json = new JsonObject();
    json.addProperty("version", "1.0");
    json.add("added_tokens", addedTokens);
    json.add("pre_tokenizer", metaspace());
    json.add("decoder", metaspace());
    json.add("model", model);
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void unigramTokenizerOfMbartsShapeEncodesByTheBestSegmentation() throws Exception {
    Path file = writeUnigram();
    try (SubwordTokenizer tokenizer = SubwordTokenizer.fromJson(file)) {
      assertArrayEquals(new int[] {4, 5}, tokenizer.encode("le chat"));
      // ▁chat + s (-3 - 6) beats ▁ch + at + s (-4 - 4 - 6).
      assertArrayEquals(new int[] {4, 5, 8}, tokenizer.encode("le chats"));
      // 'e' is not in the vocabulary: <unk>, which decoding leaves out like every special.
      assertArrayEquals(new int[] {4, 6, 15, 3, 13}, tokenizer.encode("le chien"));
      assertEquals("le chin", tokenizer.decode(tokenizer.encode("le chien")));
      assertEquals("the cat", tokenizer.decode(tokenizer.encode("the cat")));
      // Language codes and <mask> are added tokens, matched whole and numbered after the pieces.
      assertEquals(18, tokenizer.tokenId("fr_XX"));
      assertEquals(17, tokenizer.tokenId("en_XX"));
      assertArrayEquals(new int[] {19, 12}, tokenizer.encode("<mask> dog"));
      assertThrows(IllegalArgumentException.class, () -> tokenizer.tokenId("de_DE"));
    }
  }

  @Test
  void vocabularySizeCountsUnigramPiecesByPosition() throws Exception {
    byte[] json = Files.readAllBytes(writeUnigram());
    assertEquals(PIECES.length + ADDED.length, SubwordTokenizer.vocabularySize(json));
    // Without added tokens past the pieces, the list's length alone: 17 rows.
    String piecesOnly = new String(json, StandardCharsets.UTF_8).replaceAll(
        ",\\{\"id\":1[789][^}]*\\}", "");
    assertTrue(!piecesOnly.contains("fr_XX"), piecesOnly);
    assertEquals(PIECES.length, SubwordTokenizer.vocabularySize(piecesOnly.getBytes(StandardCharsets.UTF_8)));
  }
}
