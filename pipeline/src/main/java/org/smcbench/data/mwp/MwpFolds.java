package org.smcbench.data.mwp;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one math-word-problem dataset's split files are, relative to {@code data.root}: the
 * five-fold cross-validation layout of MAWPS and ASDiv-A ({@code <dir>/fold<k>/{train,dev}.csv}),
 * or one train/dev pair without folds (SVAMP: train on MAWPS + ASDiv-A, test on SVAMP).
 *
 * @param entries in ingest order: fold by fold, train before dev
 */
public record MwpFolds(String dataset, List<Entry> entries) {
  /** Fold name of a dataset without cross-validation. */
  public static final String NO_FOLD = "";

  /** One split file: {@code fold} is "0".."k-1", or "" when the dataset has a single split. */
  public record Entry(String fold, String split, String path) {}

  public MwpFolds {
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(dataset + ": no split files");
    }
  }

  /** {@code dir/fold0/train.csv, dir/fold0/dev.csv, ..., dir/fold<folds-1>/dev.csv}. */
  public static MwpFolds crossValidated(String dataset, String dir, int folds) {
    if (folds < 1) {
      throw new IllegalArgumentException(dataset + ": folds = " + folds + ", need at least 1");
    }
    List<Entry> entries = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      for (String split : List.of("train", "dev")) {
        entries.add(new Entry(Integer.toString(k), split, dir + "/fold" + k + "/" + split + ".csv"));
      }
    }
    return new MwpFolds(dataset, entries);
  }

  /** One train file and one dev file, fold "". */
  public static MwpFolds singleSplit(String dataset, String trainPath, String devPath) {
    return new MwpFolds(dataset, List.of(new Entry(NO_FOLD, "train", trainPath), new Entry(NO_FOLD, "dev", devPath)));
  }

  /** The layouts of the shared data folder (the SVAMP repository's {@code data/}). */
  public static MwpFolds mawps() {
    return crossValidated("mawps", "mawps/data/cv_mawps", 5);
  }

  public static MwpFolds asdivA() {
    return crossValidated("asdiv-a", "asdiv-a/data/cv_asdiv-a", 5);
  }

  public static MwpFolds svamp() {
    return singleSplit("svamp", "svamp/data/mawps-asdiv-a_svamp/train.csv", "svamp/data/mawps-asdiv-a_svamp/dev.csv");
  }

  /** The entry of one fold and split, e.g. ("0", "dev"), or ("", "dev") for SVAMP. */
  public Entry entry(String fold, String split) {
    return entries.stream().filter(e -> e.fold().equals(fold) && e.split().equals(split)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(dataset + " has no fold '" + fold + "' split '" + split + "'"));
  }

  /** The distinct folds, in order ("" alone for a single split). */
  public List<String> folds() {
    return entries.stream().map(Entry::fold).distinct().toList();
  }
}
