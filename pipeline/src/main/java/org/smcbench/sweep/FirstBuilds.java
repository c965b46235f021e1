package org.smcbench.sweep;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.smcbench.config.ModelSettings;

/**
 * Which checkpoints this JVM has built a model from: the first build from each starts the engine
 * and fills the family's checkpoint cache (keyed by the checkpoint, as the families' caches are),
 * costs that an executor pays once however many runs it takes.
 */
final class FirstBuilds {
  private static final Set<String> BUILT = ConcurrentHashMap.newKeySet();

  private FirstBuilds() {}

  /** True for the first call with {@code model}'s family and checkpoint in this JVM, false later. */
  static boolean claim(ModelSettings model) {
    return BUILT.add(model.family() + "|" + model.checkpointFormat() + "|" + model.checkpointPath());
  }
}
