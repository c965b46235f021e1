package org.smcbench.data;

import java.util.Map;

/** Multiple-choice readers by the name a dataset's {@code reader} key uses. */
public final class McReaders {
  private static final Map<String, McFormat> FORMATS = Map.of(
      "csqa", new McFormat.Lines(new CsqaParser()),
      "winogrande", new McFormat.Lines(new WinograndeParser()),
      "race", new McFormat.Files(new RaceParser()));

  private McReaders() {}

  public static McFormat format(String reader) {
    McFormat f = FORMATS.get(reader);
    if (f == null) {
      throw new IllegalArgumentException("unknown multiple-choice reader '" + reader + "'; known: "
          + FORMATS.keySet());
    }
    return f;
  }

  public static boolean isKnown(String reader) {
    return FORMATS.containsKey(reader);
  }
}
