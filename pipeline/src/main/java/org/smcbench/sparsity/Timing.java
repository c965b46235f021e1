package org.smcbench.sparsity;

/** When a method prunes, in the paper's vocabulary (recorded with every result). */
public enum Timing {
  NONE, BEFORE, DURING, AFTER;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
