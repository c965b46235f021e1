package org.smcbench.data;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A model's own Hugging Face {@code tokenizer.json}, through DJL's tokenizers library.
 *
 * <p>Text is encoded without special tokens or truncation; tasks add {@code [CLS]}/{@code [SEP]}
 * (or {@code <s>}/{@code </s>}) and truncate at batching time, where the model's maximum length and
 * the task's truncation rule (e.g. RACE truncates the article, never the question) are known.
 */
public final class TextTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final long clsId;
  private final long sepId;
  private final long padId;
  private final int pairSeparators;

  private TextTokenizer(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
    long[] specials = tokenizer.encode("", true, false).getIds();
    if (specials.length < 2) {
      throw new IllegalStateException("tokenizer adds no begin/end special tokens around a sequence");
    }
    this.clsId = specials[0];
    this.sepId = specials[specials.length - 1];
    this.padId = lookupPad(tokenizer);
    // The tokenizer's own pair template: BERT [CLS] a [SEP] b [SEP], RoBERTa <s> a </s></s> b </s>.
    long[] pair = tokenizer.encode("", "", true, false).getIds();
    this.pairSeparators = (int) java.util.Arrays.stream(pair).filter(id -> id == sepId).count() - 1;
  }

  /** Reads a {@code tokenizer.json} stream (the stream is not closed). */
  public static TextTokenizer fromJson(InputStream tokenizerJson) throws IOException {
    Map<String, String> options = Map.of(
        "addSpecialTokens", "false",
        "truncation", "false",
        "padding", "false",
        "maxLength", "100000");
    return new TextTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options));
  }

  /** Token ids of {@code text}, no special tokens, no truncation. */
  public int[] encode(String text) {
    Encoding encoding = tokenizer.encode(text, false, false);
    long[] ids = encoding.getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = Math.toIntExact(ids[i]);
    }
    return out;
  }

  public String decode(int[] ids) {
    long[] longs = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      longs[i] = ids[i];
    }
    return tokenizer.decode(longs, false);
  }

  /** Id of the token that opens a sequence ({@code [CLS]} or {@code <s>}). */
  public int clsId() {
    return (int) clsId;
  }

  /** Id of the token that closes a segment ({@code [SEP]} or {@code </s>}). */
  public int sepId() {
    return (int) sepId;
  }

  /** Separator tokens between the two segments of a pair: 1 for BERT, 2 for RoBERTa. */
  public int pairSeparators() {
    return Math.max(1, pairSeparators);
  }

  public int padId() {
    return (int) padId;
  }

  private static long lookupPad(HuggingFaceTokenizer tokenizer) {
    for (String pad : new String[] {"[PAD]", "<pad>"}) {
      long[] ids = tokenizer.encode(pad, false, false).getIds();
      if (ids.length == 1) {
        return ids[0];
      }
    }
    throw new IllegalStateException("tokenizer has no [PAD] or <pad> token");
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
