package org.smcbench.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per phase of a run (model build, start weights, masks, training, evaluation,
 * checkpoint), recorded with the result so the share that is not training is visible per run.
 */
final class PhaseClock {
  static final String BUILD = "build";
  /** The executor JVM's first build of a model: engine start and checkpoint read included. */
  static final String FIRST_BUILD = "first_build";

  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private long started;
  private String phase;

  /** Ends the current phase (if any) and starts {@code next}. */
  void start(String next) {
    stop();
    phase = next;
    started = System.nanoTime();
  }

  /** Ends the current phase. */
  void stop() {
    if (phase != null) {
      seconds.merge(phase, (System.nanoTime() - started) / 1e9, Double::sum);
      phase = null;
    }
  }

  /** The phases so far, in the order they first ran, as a JSON object of seconds. */
  String json() {
    stop();
    return new com.google.gson.Gson().toJson(seconds);
  }
}
