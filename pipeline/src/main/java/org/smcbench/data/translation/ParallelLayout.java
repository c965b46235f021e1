package org.smcbench.data.translation;

import java.util.List;

/** How a parallel corpus lays out its files: which files of a split hold which language, and what aligns with what. */
public interface ParallelLayout {
  String name();

  /**
   * True when every language file of a corpus is aligned line by line with every other (FLORES),
   * so X↔Y pairs are the same line; false when each file is aligned only with its pivot file and
   * X↔Y pairs must be derived through the pivot's text.
   */
  boolean multiWay();

  /**
   * The pairs of {@code split} for every language with the pivot. A language (or the pivot) with
   * no file is a {@link org.smcbench.config.ConfigError} naming it and the path looked in.
   */
  LayoutFiles files(HadoopListing fs, String root, String split, List<Language> languages, Language pivot);
}
