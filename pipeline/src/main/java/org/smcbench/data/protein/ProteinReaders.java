package org.smcbench.data.protein;

import java.util.List;

/** Names of the protein readers a dataset's {@code reader} key may use. */
public final class ProteinReaders {
  /** Multi-FASTA of every sequence + a Python pickle per fold naming its train / test members. */
  public static final String HOTPROTEIN = "hotprotein";
  /** A FLIP task CSV: sequence, target, set[, validation]. */
  public static final String FLIP = "flip";
  /**
   * HP-S²C5's layout: a folder of structures, one PDB or mmCIF file per protein named by its id
   * ({@code <id>.pdb}, {@code .cif}, optionally {@code .gz}) + a pickle per fold as HotProtein's.
   */
  public static final String HOTPROTEIN_STRUCTURES = "hotprotein-structures";
  public static final List<String> ALL = List.of(HOTPROTEIN, FLIP, HOTPROTEIN_STRUCTURES);

  private ProteinReaders() {}
}
