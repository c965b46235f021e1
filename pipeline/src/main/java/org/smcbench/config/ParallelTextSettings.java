package org.smcbench.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a translation dataset reads: its languages beside the pivot, whether non-pivot pairs are
 * derived through the pivot, and which layout each split's folder has.
 *
 * @param languages    ISO 639-1 codes of the non-pivot languages, e.g. [fr, cs]
 * @param pivot        the pivot language every pair goes through (English in the paper)
 * @param pivotPairs   also X↔Y pairs between non-pivot languages (aligned lines of multi-way data,
 *                     or X–en and Y–en lines sharing their English side)
 * @param splitReaders per split, a layout other than the dataset's {@code reader} (e.g. training on
 *                     OPUS-MT test sets, evaluating on FLORES-200 devtest)
 */
public record ParallelTextSettings(List<String> languages, String pivot, boolean pivotPairs,
    Map<String, String> splitReaders) implements Serializable {

  public ParallelTextSettings {
    languages = List.copyOf(languages);
    splitReaders = new LinkedHashMap<>(splitReaders);
  }

  /** The layout of {@code split}'s files: its own reader, else the dataset's. */
  public String layout(String split, String datasetReader) {
    return splitReaders.getOrDefault(split, datasetReader);
  }

  /** Every translation direction the dataset trains and is scored on: X→pivot and pivot→X per language. */
  public List<String> directions() {
    List<String> out = new java.util.ArrayList<>();
    for (String l : languages) {
      out.add(l + "-" + pivot);
      out.add(pivot + "-" + l);
    }
    return out;
  }
}
