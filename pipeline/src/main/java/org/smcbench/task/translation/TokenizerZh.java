package org.smcbench.task.translation;

/**
 * sacreBLEU's {@code zh} tokenizer: every "Chinese" character becomes a token of its own, and the rest
 * goes through {@link MtevalRegexp} (without 13a's HTML, {@code <skipped>} and padding steps).
 *
 * <p>"Chinese" is what sacreBLEU's range table does in practice, not what it says: its entries for CJK
 * Extension B and the Compatibility Supplement are written as five-hex-digit escapes, which Python reads
 * as a four-digit escape followed by a digit, so the comparisons select U+2001..U+2A6D (general
 * punctuation such as “ ” — …, currency, arrows, maths operators) and U+2F81..U+2FA1 instead, and no
 * supplementary-plane character is ever split off.
 */
final class TokenizerZh implements BleuTokenizer {
  static final TokenizerZh INSTANCE = new TokenizerZh();
  private static final long serialVersionUID = 1L;

  /** Inclusive code point ranges, in sacreBLEU's table order, with the two entries above as Python reads them. */
  private static final int[][] RANGES = {
    {0x3400, 0x4DB5}, {0x4E00, 0x9FA5}, {0x9FA6, 0x9FBB}, {0xF900, 0xFA2D}, {0xFA30, 0xFA6A},
    {0xFA70, 0xFAD9}, {0x2001, 0x2A6D}, {0x2F81, 0x2FA1}, {0xFF00, 0xFFEF}, {0x2E80, 0x2EFF},
    {0x3000, 0x303F}, {0x31C0, 0x31EF}, {0x2F00, 0x2FDF}, {0x2FF0, 0x2FFF}, {0x3100, 0x312F},
    {0x31A0, 0x31BF}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F}, {0x2600, 0x26FF}, {0x2700, 0x27BF},
    {0x3200, 0x32FF}, {0x3300, 0x33FF},
  };

  private TokenizerZh() {}

  @Override
  public String name() {
    return "zh";
  }

  static boolean isChinese(int codePoint) {
    for (int[] r : RANGES) {
      if (codePoint >= r[0] && codePoint <= r[1]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String tokenize(String line) {
    line = PyText.strip(line);
    StringBuilder b = new StringBuilder(line.length() * 2);
    line.codePoints().forEach(cp -> {
      if (isChinese(cp)) {
        b.append(' ').appendCodePoint(cp).append(' ');
      } else {
        b.appendCodePoint(cp);
      }
    });
    return MtevalRegexp.tokenize(b.toString());
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
