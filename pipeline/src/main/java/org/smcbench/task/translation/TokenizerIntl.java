package org.smcbench.task.translation;

import java.util.regex.Pattern;

/**
 * sacreBLEU's {@code intl} tokenizer (mteval-v14's international tokenization): Unicode punctuation is
 * split off unless a digit sits on both sides, every Unicode symbol is split off. Unlike 13a the line is
 * not padded, so a final "2015." keeps its period, as in mteval-v14. Java's {@code \p{P}}, {@code \p{S}}
 * and {@code \p{N}} agree with Python's {@code regex} module on every code point Java 17 (Unicode 13)
 * has assigned; characters added in later Unicode versions are neither punctuation nor symbols here.
 */
final class TokenizerIntl implements BleuTokenizer {
  static final TokenizerIntl INSTANCE = new TokenizerIntl();
  private static final long serialVersionUID = 1L;

  private static final Pattern PUNCT_AFTER_NON_DIGIT = Pattern.compile("(\\P{N})(\\p{P})");
  private static final Pattern PUNCT_BEFORE_NON_DIGIT = Pattern.compile("(\\p{P})(\\P{N})");
  private static final Pattern SYMBOL = Pattern.compile("(\\p{S})");

  private TokenizerIntl() {}

  @Override
  public String name() {
    return "intl";
  }

  @Override
  public String tokenize(String line) {
    String s = PUNCT_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
    s = PUNCT_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
    s = SYMBOL.matcher(s).replaceAll(" $1 ");
    return PyText.squeeze(s);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
