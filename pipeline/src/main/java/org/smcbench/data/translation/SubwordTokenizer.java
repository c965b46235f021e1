package org.smcbench.data.translation;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A translation {@code tokenizer.json} (learned, or a real mBART one) through DJL's Hugging Face
 * tokenizers: plain subword ids without specials or truncation, since the task adds {@code <s>},
 * {@code </s>} and the language tokens and truncates at batching time.
 */
public final class SubwordTokenizer implements AutoCloseable {
  private static final Map<String, String> OPTIONS = Map.of(
      "addSpecialTokens", "false",
      "truncation", "false",
      "padding", "false",
      "maxLength", "100000");

  private final HuggingFaceTokenizer tokenizer;

  private SubwordTokenizer(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  public static SubwordTokenizer fromJson(Path tokenizerJson) throws IOException {
    try (InputStream in = Files.newInputStream(tokenizerJson)) {
      return fromJson(in);
    }
  }

  /** Reads a {@code tokenizer.json} stream (the stream is not closed). */
  public static SubwordTokenizer fromJson(InputStream tokenizerJson) throws IOException {
    return new SubwordTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, OPTIONS));
  }

  public static SubwordTokenizer of(BpeVocabulary vocabulary) {
    try (InputStream in = new ByteArrayInputStream(TokenizerJsonWriter.toJson(vocabulary).getBytes(StandardCharsets.UTF_8))) {
      return fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int[] encode(String text) {
    return toInts(encoding(text).getIds());
  }

  /** The full encoding (tokens, word ids, offsets) of {@code text}, without specials. */
  public Encoding encoding(String text) {
    return tokenizer.encode(text, false, false);
  }

  /** The text of {@code ids}, special and language tokens left out. */
  public String decode(int[] ids) {
    long[] longs = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      longs[i] = ids[i];
    }
    return tokenizer.decode(longs, true);
  }

  /** The id of a token the tokenizer keeps whole (a language token, {@code <mask>}); fails naming it otherwise. */
  public int tokenId(String token) {
    int[] ids = encode(token);
    if (ids.length != 1) {
      throw new IllegalArgumentException("the tokenizer has no single token '" + token + "' (it encodes to "
          + java.util.Arrays.toString(ids) + ")");
    }
    return ids[0];
  }

  /**
   * Rows a model's token table needs for {@code tokenizerJson}: one more than the largest id in its
   * vocabulary or added tokens.
   */
  public static int vocabularySize(byte[] tokenizerJson) {
    com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(
        new String(tokenizerJson, StandardCharsets.UTF_8)).getAsJsonObject();
    int max = -1;
    com.google.gson.JsonObject model = json.getAsJsonObject("model");
    if (model != null && model.has("vocab") && model.get("vocab").isJsonObject()) {
      // BPE, WordPiece, WordLevel: piece → id
      for (var e : model.getAsJsonObject("vocab").entrySet()) {
        max = Math.max(max, e.getValue().getAsInt());
      }
    } else if (model != null && model.has("vocab") && model.get("vocab").isJsonArray()) {
      // Unigram (SentencePiece, as mBART's): [piece, log-probability] pairs, the id is the position
      max = model.getAsJsonArray("vocab").size() - 1;
    }
    if (json.has("added_tokens")) {
      for (var t : json.getAsJsonArray("added_tokens")) {
        max = Math.max(max, t.getAsJsonObject().get("id").getAsInt());
      }
    }
    if (max < 0) {
      throw new IllegalArgumentException("tokenizer.json has neither a model vocabulary nor added tokens");
    }
    return max + 1;
  }

  private static int[] toInts(long[] ids) {
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = Math.toIntExact(ids[i]);
    }
    return out;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
