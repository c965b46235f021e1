package org.smcbench.data.translation;

import java.util.List;

/** What a layout found on disk for the configured languages: the aligned pairs and the files that align with nothing. */
public record LayoutFiles(List<PairFiles> pairs, List<UnpairedFile> unpaired) {
  public LayoutFiles {
    pairs = List.copyOf(pairs);
    unpaired = List.copyOf(unpaired);
  }
}
