package org.smcbench.sparsity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.smcbench.sparsity.score.MagnitudeScorer;
import org.smcbench.sparsity.score.RandomScorer;

/** Every sparsity method by its stable config name. */
public final class SparsityMethods {
  private static final Map<String, Function<Map<String, Object>, SparsityMethod>> FACTORIES = new LinkedHashMap<>();

  static {
    FACTORIES.put("dense", params -> new Dense());
    FACTORIES.put("omp_after", params -> new OneShotAfter("omp_after", seed -> new MagnitudeScorer()));
    FACTORIES.put("random_after", params -> new OneShotAfter("random_after", RandomScorer::new));
  }

  private SparsityMethods() {}

  public static SparsityMethod create(String name, Map<String, Object> params) {
    Function<Map<String, Object>, SparsityMethod> factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown sparsity method '" + name + "'; known: " + names());
    }
    return factory.apply(params);
  }

  public static boolean isKnown(String name) {
    return FACTORIES.containsKey(name);
  }

  public static Set<String> names() {
    return FACTORIES.keySet();
  }
}
