package org.smcbench.data.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smcbench.config.ConfigError;

/**
 * OPUS-MT-testsets: {@code <root>/<pair>/<name>.<code>}, a folder per language pair named by its
 * two codes in either order and either ISO 639-1 or 639-3 ({@code en-fr}, {@code eng-vie}), each
 * holding one or more test sets, a pair of files with the folder's codes as extensions. Every
 * test set of the pair is read; the split only labels the rows. Other files (labels, notes) are
 * not parallel text and are left alone; a test-set file without its counterpart, or a test set a
 * second folder of the same pair repeats, is quarantined whole.
 */
public final class OpusMtTestsetsLayout implements ParallelLayout {
  public static final String NAME = "opus-mt-testsets";

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
    List<UnpairedFile> unpaired = new ArrayList<>();
    List<String> folders = fs.folders(root);
    for (Language language : languages) {
      Map<String, String> firstFolder = new HashMap<>();
      int found = 0;
      for (String folder : folders) {
        String[] codes = pairCodes(folder, language, pivot);
        if (codes == null) {
          continue;
        }
        String dir = root + "/" + folder;
        for (Map.Entry<String, boolean[]> set : testSets(fs.files(dir), codes).entrySet()) {
          String langFile = dir + "/" + set.getKey() + "." + codes[0];
          String pivotFile = dir + "/" + set.getKey() + "." + codes[1];
          boolean hasLang = set.getValue()[0];
          boolean hasPivot = set.getValue()[1];
          if (hasLang && hasPivot) {
            String earlier = firstFolder.putIfAbsent(set.getKey(), dir);
            if (earlier == null) {
              pairs.add(new PairFiles(set.getKey(), language, langFile, pivot, pivotFile));
              found++;
            } else {
              String reason = "test set '" + set.getKey() + "' of " + language.iso1() + "-" + pivot.iso1()
                  + " is already read from " + earlier;
              unpaired.add(new UnpairedFile(langFile, reason));
              unpaired.add(new UnpairedFile(pivotFile, reason));
            }
          } else {
            String present = hasLang ? langFile : pivotFile;
            unpaired.add(new UnpairedFile(present, "no counterpart to align with: " + (hasLang ? pivotFile : langFile)
                + " not found"));
          }
        }
      }
      if (found == 0) {
        throw new ConfigError(NAME + ": no test set for " + language.iso1() + " (" + language.name() + ") with "
            + pivot.iso1() + " under " + root + ": looked for a folder " + language.iso1() + "-" + pivot.iso1()
            + " or " + pivot.iso1() + "-" + language.iso1() + " (or ISO 639-3 " + language.iso3() + "-"
            + pivot.iso3() + ") holding <name>." + language.iso1() + " and <name>." + pivot.iso1());
      }
    }
    return new LayoutFiles(pairs, unpaired);
  }

  /** The folder's spelling of {language, pivot} when it names exactly that pair, else null. */
  private static String[] pairCodes(String folder, Language language, Language pivot) {
    String[] codes = folder.split("-", -1);
    if (codes.length != 2) {
      return null;
    }
    Language first = Languages.find(codes[0]);
    Language second = Languages.find(codes[1]);
    if (language.equals(first) && pivot.equals(second)) {
      return codes;
    }
    if (pivot.equals(first) && language.equals(second)) {
      return new String[] {codes[1], codes[0]};
    }
    return null;
  }

  /** Test-set names (sorted) of a pair folder's files, with whether the language's and the pivot's file exist. */
  private static Map<String, boolean[]> testSets(List<String> files, String[] codes) {
    Map<String, boolean[]> sets = new TreeMap<>();
    for (String file : files) {
      int dot = file.lastIndexOf('.');
      if (dot <= 0) {
        continue;
      }
      String extension = file.substring(dot + 1);
      int side = extension.equals(codes[0]) ? 0 : extension.equals(codes[1]) ? 1 : -1;
      if (side >= 0) {
        sets.computeIfAbsent(file.substring(0, dot), k -> new boolean[2])[side] = true;
      }
    }
    return sets;
  }
}
