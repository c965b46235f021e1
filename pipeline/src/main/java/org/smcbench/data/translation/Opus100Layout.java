package org.smcbench.data.translation;

import java.util.ArrayList;
import java.util.List;
import org.smcbench.config.ConfigError;

/**
 * OPUS-100: {@code <root>/<a>-<b>/opus.<a>-<b>-<split>.<code>}, one folder per English-centric
 * pair named by its two ISO 639-1 codes in alphabetical order ({@code cs-en}, {@code en-fr}),
 * holding the train, dev and test files of both sides.
 */
public final class Opus100Layout implements ParallelLayout {
  public static final String NAME = "opus100";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean multiWay() {
    return false;
  }

  @Override
  public LayoutFiles files(HadoopListing fs, String root, String split, List<Language> languages, Language pivot) {
    List<PairFiles> pairs = new ArrayList<>();
    for (Language language : languages) {
      String pair = language.iso1().compareTo(pivot.iso1()) < 0
          ? language.iso1() + "-" + pivot.iso1() : pivot.iso1() + "-" + language.iso1();
      String corpus = "opus." + pair + "-" + split;
      String stem = root + "/" + pair + "/" + corpus + ".";
      pairs.add(new PairFiles(corpus, language, require(fs, stem + language.iso1(), language),
          pivot, require(fs, stem + pivot.iso1(), pivot)));
    }
    return new LayoutFiles(pairs, List.of());
  }

  private static String require(HadoopListing fs, String file, Language language) {
    if (!fs.isFile(file)) {
      throw new ConfigError(NAME + ": no file for " + language.iso1() + " (" + language.name() + "): " + file
          + " not found");
    }
    return file;
  }
}
