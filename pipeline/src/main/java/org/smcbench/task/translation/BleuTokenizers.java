package org.smcbench.task.translation;

import java.util.List;
import java.util.Locale;

/**
 * The sacreBLEU tokenizers by name ({@code 13a}, {@code zh}, {@code char}, {@code intl}, {@code none}),
 * and the one to use for a target language.
 *
 * <p>{@link #forTarget} follows what sacreBLEU users apply: {@code zh} for Chinese; {@code char} for
 * Japanese, Korean and Burmese; {@code 13a} for everything else. sacreBLEU itself picks
 * {@code ja-mecab} and {@code ko-mecab} for Japanese and Korean, but those need the MeCab analyser and
 * its dictionaries, which a JVM job cannot ship, so scores there are character-level BLEU and are not
 * comparable with published {@code ja-mecab}/{@code ko-mecab} numbers (the signature says
 * {@code tok:char}). Burmese has no word spacing for 13a to use, hence {@code char} too.
 */
public final class BleuTokenizers {
  private BleuTokenizers() {}

  /** The names {@link #byName} accepts. */
  public static final List<String> NAMES = List.of("13a", "zh", "char", "intl", "none");

  /** sacreBLEU's default, {@code 13a}. */
  public static BleuTokenizer defaultTokenizer() {
    return Tokenizer13a.INSTANCE;
  }

  public static BleuTokenizer byName(String name) {
    switch (name) {
      case "13a":
        return Tokenizer13a.INSTANCE;
      case "zh":
        return TokenizerZh.INSTANCE;
      case "char":
        return TokenizerChar.INSTANCE;
      case "intl":
        return TokenizerIntl.INSTANCE;
      case "none":
        return TokenizerNone.INSTANCE;
      default:
        throw new IllegalArgumentException("unknown BLEU tokenizer '" + name + "', expected one of " + NAMES
            + " (ja-mecab, ko-mecab and spm are not available here)");
    }
  }

  /**
   * The tokenizer for text in {@code iso639_1} (a two-letter code; a region or script suffix such as
   * "zh-Hans" or "zh_CN" and case are ignored; null or empty means 13a).
   */
  public static BleuTokenizer forTarget(String iso639_1) {
    String lang = iso639_1 == null ? "" : iso639_1.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    switch (lang) {
      case "zh":
        return TokenizerZh.INSTANCE;
      case "ja":
      case "ko":
      case "my":
        return TokenizerChar.INSTANCE;
      default:
        return Tokenizer13a.INSTANCE;
    }
  }
}
