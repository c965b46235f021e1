package org.smcbench.task.translation;

import java.util.regex.Pattern;

/**
 * The language-dependent half of mteval-v13a's tokenization, shared by the {@code 13a} and {@code zh}
 * tokenizers (sacreBLEU's {@code TokenizerRegexp}). Each step is applied to the whole line in turn as
 * one left-to-right, non-overlapping substitution (Python's {@code re.sub}, which
 * {@link java.util.regex.Matcher#replaceAll} matches). A character consumed by one match cannot start
 * the next, which is why " ,,3" becomes ", ,3": the second comma is neither after an unconsumed
 * non-digit nor before a non-digit.
 */
final class MtevalRegexp {
  private MtevalRegexp() {}

  // Period and comma are split off unless a digit precedes and a digit follows ("1,000.5" stays whole).
  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  static String tokenize(String line) {
    StringBuilder b = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (isSplitSymbol(c)) {
        b.append(' ').append(c).append(' ');
      } else {
        b.append(c);
      }
    }
    String s = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(b).replaceAll("$1 $2 ");
    s = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
    s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
    return PyText.squeeze(s);
  }

  /**
   * The ASCII symbols always set apart: space through '&', '(' through '+', '/', ':' through '@',
   * '[' through '`' and '{' through '~'. Apostrophe, '-', '.' and ',' are not among them.
   */
  private static boolean isSplitSymbol(char c) {
    return (c >= ' ' && c <= '&') || (c >= '(' && c <= '+') || c == '/' || (c >= ':' && c <= '@')
        || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
  }
}
