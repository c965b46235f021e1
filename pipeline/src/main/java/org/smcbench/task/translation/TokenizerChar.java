package org.smcbench.task.translation;

/**
 * sacreBLEU's {@code char} tokenizer: every code point (not UTF-16 unit) is a token. Spaces become
 * empty separators that the n-gram split drops.
 */
final class TokenizerChar implements BleuTokenizer {
  static final TokenizerChar INSTANCE = new TokenizerChar();
  private static final long serialVersionUID = 1L;

  private TokenizerChar() {}

  @Override
  public String name() {
    return "char";
  }

  @Override
  public String tokenize(String line) {
    StringBuilder b = new StringBuilder(line.length() * 2);
    line.codePoints().forEach(cp -> {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.appendCodePoint(cp);
    });
    return b.toString();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
