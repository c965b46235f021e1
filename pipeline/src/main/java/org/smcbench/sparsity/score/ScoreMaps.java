package org.smcbench.sparsity.score;

import java.util.LinkedHashMap;

final class ScoreMaps {
  private ScoreMaps() {}

  /** Puts a tensor's scores, rejecting a name that appears twice in a scope. */
  static void putUnique(LinkedHashMap<String, float[]> scores, String name, float[] values) {
    if (scores.put(name, values) != null) {
      throw new IllegalArgumentException("tensor name '" + name + "' appears twice in the scope");
    }
  }
}
