package org.smcbench.task.translation;

/** sacreBLEU's {@code none} tokenizer: the line as it is, for text that is already tokenized. */
final class TokenizerNone implements BleuTokenizer {
  static final TokenizerNone INSTANCE = new TokenizerNone();
  private static final long serialVersionUID = 1L;

  private TokenizerNone() {}

  @Override
  public String name() {
    return "none";
  }

  @Override
  public String tokenize(String line) {
    return line;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
