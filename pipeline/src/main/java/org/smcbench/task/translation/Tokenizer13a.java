package org.smcbench.task.translation;

/**
 * sacreBLEU's default {@code 13a} tokenizer, equivalent to WMT's mteval-v13a.pl: drops {@code <skipped>}
 * and hyphenated line breaks, joins lines, unescapes four HTML entities, then splits punctuation with
 * {@link MtevalRegexp} on the line padded with a space each side (so a leading "." or trailing "5."
 * is split, unlike under {@code zh}).
 */
final class Tokenizer13a implements BleuTokenizer {
  static final Tokenizer13a INSTANCE = new Tokenizer13a();
  private static final long serialVersionUID = 1L;

  private Tokenizer13a() {}

  @Override
  public String name() {
    return "13a";
  }

  @Override
  public String tokenize(String line) {
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (line.indexOf('&') >= 0) {
      // In this order: "&amp;lt;" becomes "&lt;", not "<".
      line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    return MtevalRegexp.tokenize(" " + line + " ");
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
