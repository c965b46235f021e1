package org.smcbench.data.translation;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link BpeVocabulary} as a Hugging Face {@code tokenizer.json} in the schema of
 * tokenizers-rs 0.21 (the version DJL 0.33 bundles): BPE model with {@code [left, right]} merge
 * arrays (0.21's own output; it still reads legacy {@code "left right"} strings), Metaspace with
 * {@code prepend_scheme} and {@code split} (0.21 accepts but no longer writes {@code add_prefix_space}),
 * and the normalizer {@link MetaspacePreTokenizer} computes. There is no post-processor: the task
 * adds {@code <s>}, {@code </s>} and language tokens itself. Every field is written in a fixed order,
 * so the same vocabulary always gives the same bytes.
 */
public final class TokenizerJsonWriter {
  private TokenizerJsonWriter() {}

  public static void write(BpeVocabulary vocabulary, Path file) throws IOException {
    Files.writeString(file, toJson(vocabulary), StandardCharsets.UTF_8);
  }

  public static String toJson(BpeVocabulary vocabulary) {
    StringWriter out = new StringWriter();
    try {
      write(vocabulary, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static void write(BpeVocabulary vocabulary, Writer out) throws IOException {
    JsonWriter json = new JsonWriter(out);
    json.setIndent("  ");
    json.setHtmlSafe(false);
    json.setSerializeNulls(true);
    json.beginObject();
    json.name("version").value("1.0");
    json.name("truncation").nullValue();
    json.name("padding").nullValue();
    addedTokens(vocabulary, json);
    normalizer(json);
    json.name("pre_tokenizer");
    metaspace(json);
    json.name("post_processor").nullValue();
    json.name("decoder");
    metaspace(json);
    model(vocabulary, json);
    json.endObject();
    json.flush();
  }

  /** Specials, language tokens and {@code <mask>}: matched whole in raw text, never split by the model. */
  private static void addedTokens(BpeVocabulary vocabulary, JsonWriter json) throws IOException {
    json.name("added_tokens").beginArray();
    List<String> tokens = vocabulary.tokens();
    for (int id = 0; id < tokens.size(); id++) {
      if (!vocabulary.isSpecial(id)) {
        continue;
      }
      json.beginObject();
      json.name("id").value(id);
      json.name("content").value(tokens.get(id));
      json.name("single_word").value(false);
      json.name("lstrip").value(false);
      json.name("rstrip").value(false);
      json.name("normalized").value(false);
      json.name("special").value(true);
      json.endObject();
    }
    json.endArray();
  }

  private static void normalizer(JsonWriter json) throws IOException {
    json.name("normalizer").beginObject();
    json.name("type").value("Sequence");
    json.name("normalizers").beginArray();
    json.beginObject().name("type").value("NFKC").endObject();
    json.beginObject();
    json.name("type").value("Replace");
    json.name("pattern").beginObject().name("Regex").value(MetaspacePreTokenizer.WHITESPACE_RUN).endObject();
    json.name("content").value(" ");
    json.endObject();
    json.beginObject();
    json.name("type").value("Strip");
    json.name("strip_left").value(true);
    json.name("strip_right").value(true);
    json.endObject();
    json.endArray();
    json.endObject();
  }

  private static void metaspace(JsonWriter json) throws IOException {
    json.beginObject();
    json.name("type").value("Metaspace");
    json.name("replacement").value(MetaspacePreTokenizer.REPLACEMENT);
    json.name("prepend_scheme").value("always");
    json.name("split").value(true);
    json.endObject();
  }

  private static void model(BpeVocabulary vocabulary, JsonWriter json) throws IOException {
    json.name("model").beginObject();
    json.name("type").value("BPE");
    json.name("dropout").nullValue();
    json.name("unk_token").value(BpeVocabulary.UNK);
    json.name("continuing_subword_prefix").nullValue();
    json.name("end_of_word_suffix").nullValue();
    json.name("fuse_unk").value(false);
    json.name("byte_fallback").value(false);
    json.name("ignore_merges").value(false);
    json.name("vocab").beginObject();
    List<String> tokens = vocabulary.tokens();
    for (int id = 0; id < tokens.size(); id++) {
      json.name(tokens.get(id)).value(id);
    }
    json.endObject();
    json.name("merges").beginArray();
    for (LearnedBpe.Merge m : vocabulary.merges()) {
      json.beginArray().value(m.left()).value(m.right()).endArray();
    }
    json.endArray();
    json.endObject();
  }
}
