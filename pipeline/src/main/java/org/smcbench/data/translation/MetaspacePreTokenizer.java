package org.smcbench.data.translation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words the learned {@code tokenizer.json} hands its BPE model, computed in Java: its normalizer
 * (NFKC, every whitespace run to one space, strip both ends — sentencepiece's default {@code nmt_nfkc}
 * with {@code remove_extra_whitespaces}) followed by its Metaspace pre-tokenizer (spaces become
 * {@code ▁}, a {@code ▁} is prepended unless the text starts with one, and the text is split before
 * every {@code ▁}). {@link TokenizerJsonWriter} declares exactly these steps, so word counts learned
 * here are the counts of what the Hugging Face tokenizer will see.
 *
 * <p>Two known differences, both outside ordinary text: the tokenizer matches its special and
 * language tokens ({@code <s>}, {@code en_XX}, ...) in raw text before normalizing, and the Rust
 * NFKC tables may be of a different Unicode version than the JDK's for characters added recently.
 */
public final class MetaspacePreTokenizer {
  /** U+2581 LOWER ONE EIGHTH BLOCK, sentencepiece's word-boundary mark. */
  public static final String REPLACEMENT = "\u2581";

  /**
   * Every Unicode White_Space character, as a class both java.util.regex and Oniguruma (the
   * tokenizers library's regex engine) read the same way; {@code \s} and {@code \v} differ between them.
   */
  public static final String WHITESPACE_RUN =
      "[\\x{9}-\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+";

  private static final Pattern WHITESPACE = Pattern.compile(WHITESPACE_RUN);

  private MetaspacePreTokenizer() {}

  /** The normalizer: NFKC, then whitespace runs to a single space, then no space at either end. */
  public static String normalize(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return strip(WHITESPACE.matcher(nfkc).replaceAll(" "));
  }

  /** The pre-tokens of {@code text}: each starts with {@code ▁}; none for blank text. */
  public static List<String> preTokenize(String text) {
    return splitMetaspace(normalize(text));
  }

  /** Metaspace on already normalized text (prepend scheme "always", split true). */
  static List<String> splitMetaspace(String normalized) {
    List<String> words = new ArrayList<>();
    if (normalized.isEmpty()) {
      return words;
    }
    String marked = normalized.replace(" ", REPLACEMENT);
    if (!marked.startsWith(REPLACEMENT)) {
      marked = REPLACEMENT + marked;
    }
    // Split before every ▁ (the tokenizers library's SplitDelimiterBehavior::MergedWithNext).
    int start = 0;
    for (int i = marked.indexOf(REPLACEMENT, 1); i >= 0; i = marked.indexOf(REPLACEMENT, i + 1)) {
      words.add(marked.substring(start, i));
      start = i;
    }
    words.add(marked.substring(start));
    return words;
  }

  private static String strip(String s) {
    int from = s.startsWith(" ") ? 1 : 0;
    int to = s.endsWith(" ") && s.length() > from ? s.length() - 1 : s.length();
    return s.substring(from, to);
  }
}
