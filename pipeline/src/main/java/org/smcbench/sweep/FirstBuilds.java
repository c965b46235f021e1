package org.smcbench.sweep;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which models this JVM has built: the first build of each starts the engine and fills the
 * family's checkpoint cache, costs that an executor pays once however many runs it takes.
 */
final class FirstBuilds {
  private static final Set<String> BUILT = ConcurrentHashMap.newKeySet();

  private FirstBuilds() {}

  /** True for the first call with {@code model} in this JVM, false for every later one. */
  static boolean claim(String model) {
    return BUILT.add(model);
  }
}
