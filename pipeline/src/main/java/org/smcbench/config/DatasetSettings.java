package org.smcbench.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dataset: which task and reader handle it, its raw files per split (relative to data.root),
 * its cross-validation folds, the split runs are evaluated on, and its training hyper-parameters
 * (global defaults merged with the dataset's own overrides).
 *
 * @param files  per split; with folds, each path contains {@value #FOLD_PLACEHOLDER}
 * @param folds  fold names ("0".."4" for MAWPS); one empty name ({@value #NO_FOLD}) without folds
 * @param chance chance level of the metric, 0 when the task has none (generated equations)
 * @param classThresholds for a classification read from a continuous target (Meltome's melting
 *     temperature): ascending class boundaries, class k = number of boundaries ≤ target; empty
 *     when the files carry labels
 * @param parallelText translation datasets: languages, pivot and per-split layouts; null otherwise
 */
public record DatasetSettings(
    String name,
    String task,
    String reader,
    Map<String, String> files,
    List<String> folds,
    String evalSplit,
    double chance,
    List<Double> classThresholds,
    TrainingSettings training,
    ParallelTextSettings parallelText) implements Serializable {

  public static final String FOLD_PLACEHOLDER = "{fold}";
  public static final String NO_FOLD = "";

  public DatasetSettings {
    files = new LinkedHashMap<>(files);
    folds = folds.isEmpty() ? List.of(NO_FOLD) : List.copyOf(folds);
    classThresholds = List.copyOf(classThresholds);
  }

  /** Readers whose files are not one per split: the split of a record comes from its file's content. */
  private static final java.util.Set<String> SPLITS_IN_CONTENT = java.util.Set.of("hotprotein", "flip", "hotprotein-structures");

  /**
   * True when {@link #files} maps split names to files (multiple choice, math word problems);
   * false for readers whose files are roles (HotProtein: {@code sequences} + per-fold {@code
   * splits}; FLIP: one CSV with a {@code set} column).
   */
  public boolean filesPerSplit() {
    return filesPerSplit(reader);
  }

  public static boolean filesPerSplit(String reader) {
    return !SPLITS_IN_CONTENT.contains(reader);
  }

  /** A dataset without folds. */
  public DatasetSettings(String name, String task, String reader, Map<String, String> files, String evalSplit,
      double chance, TrainingSettings training) {
    this(name, task, reader, files, List.of(), evalSplit, chance, List.of(), training, null);
  }

  public boolean hasFolds() {
    return !folds.equals(List.of(NO_FOLD));
  }

  /** The split files of {@code fold}, placeholders filled in; empty entries (not ingested) kept. */
  public Map<String, String> files(String fold) {
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((split, path) -> out.put(split, path.replace(FOLD_PLACEHOLDER, fold)));
    return out;
  }
}
