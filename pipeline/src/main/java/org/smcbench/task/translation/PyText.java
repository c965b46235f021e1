package org.smcbench.task.translation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The bits of Python {@code str} behaviour that sacreBLEU's numbers depend on. Python's {@code split()}
 * and {@code strip()} treat 29 code points as whitespace (no-break space U+00A0, U+3000, U+001C..U+001F
 * among them), which neither {@link Character#isWhitespace} nor regex {@code \s} reproduce.
 */
final class PyText {
  private PyText() {}

  /** Python's {@code str.isspace()} for one char; every such code point is in the BMP. */
  static boolean isSpace(char c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
        || c == 0x3000;
  }

  /** {@code s.split()}: the runs of non-whitespace, never an empty string. */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); i++) {
      if (isSpace(s.charAt(i))) {
        if (start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }

  /** {@code ' '.join(s.split())}. */
  static String squeeze(String s) {
    return String.join(" ", split(s));
  }

  /** {@code ''.join(s.split())}: the line with all whitespace removed. */
  static String removeSpaces(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  static String strip(String s) {
    int start = 0;
    while (start < s.length() && isSpace(s.charAt(start))) {
      start++;
    }
    return rstrip(s.substring(start));
  }

  /**
   * Python's {@code f"{v:.Nf}"}: the exact binary value rounded half-even, which {@code String.format}
   * (half-up on the decimal expansion) does not always give.
   */
  static String fixed(double v, int digits) {
    return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }
}
