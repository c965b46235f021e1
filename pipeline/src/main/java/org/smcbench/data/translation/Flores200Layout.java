package org.smcbench.data.translation;

import java.util.ArrayList;
import java.util.List;
import org.smcbench.config.ConfigError;

/**
 * FLORES-200: {@code <root>/<split>/<code>_<Script>.<split>} (split {@code dev} or {@code
 * devtest}), one file per language, all of a split translations of the same English sentences, so
 * every file is aligned with every other.
 */
public final class Flores200Layout implements ParallelLayout {
  public static final String NAME = "flores200";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean multiWay() {
    return true;
  }

  @Override
  public LayoutFiles files(HadoopListing fs, String root, String split, List<Language> languages, Language pivot) {
    String pivotFile = require(fs, root, split, pivot);
    List<PairFiles> pairs = new ArrayList<>();
    for (Language language : languages) {
      pairs.add(new PairFiles(split, language, require(fs, root, split, language), pivot, pivotFile));
    }
    return new LayoutFiles(pairs, List.of());
  }

  private static String require(HadoopListing fs, String root, String split, Language language) {
    String file = root + "/" + split + "/" + language.flores() + "." + split;
    if (!fs.isFile(file)) {
      throw new ConfigError(NAME + ": no file for " + language.iso1() + " (" + language.name() + "): " + file
          + " not found");
    }
    return file;
  }
}
