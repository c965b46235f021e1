package org.smcbench.data;

import java.util.Map;

/** Multiple-choice readers by the name a dataset's {@code reader} key uses. */
public final class McReaders {
  private static final Map<String, LineParser<McQuestion>> PARSERS = Map.of("csqa", new CsqaParser());

  private McReaders() {}

  public static LineParser<McQuestion> parser(String reader) {
    LineParser<McQuestion> p = PARSERS.get(reader);
    if (p == null) {
      throw new IllegalArgumentException("unknown multiple-choice reader '" + reader + "'; known: "
          + PARSERS.keySet());
    }
    return p;
  }

  public static boolean isKnown(String reader) {
    return PARSERS.containsKey(reader);
  }
}
