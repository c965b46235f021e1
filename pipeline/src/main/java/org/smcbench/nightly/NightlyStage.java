package org.smcbench.nightly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one nightly command runs: every stage, or one of them, so that a cluster job runs a nightly
 * as dependent tasks (ingest → sweep → aggregate) that share one {@code smc.nightly_runs} row.
 * Pre-training belongs to the sweep stage; OPTIMIZE and VACUUM to the aggregate stage.
 */
public enum NightlyStage {
  ALL, INGEST, SWEEP, AGGREGATE;

  /** A stage that may not run (no nightly to continue, or an earlier stage has not succeeded); nothing was done. */
  public static final class Refused extends IllegalArgumentException {
    public Refused(String message) {
      super(message);
    }
  }

  /** The single stages this option runs, in order. */
  public List<NightlyStage> steps() {
    return this == ALL ? List.of(INGEST, SWEEP, AGGREGATE) : List.of(this);
  }

  /** The name in {@code stages} and on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NightlyStage of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }

  /** {@code stages} (stage → status) in pipeline order, for printing. */
  public static Map<String, String> inOrder(Map<String, String> stages) {
    Map<String, String> out = new LinkedHashMap<>();
    for (NightlyStage stage : ALL.steps()) {
      if (stages.containsKey(stage.key())) {
        out.put(stage.key(), stages.get(stage.key()));
      }
    }
    return out;
  }

  /**
   * Why this single stage cannot continue a nightly whose stages are {@code recorded} (stage →
   * status), or null when every earlier stage succeeded. Re-running a stage (a repaired job run)
   * is allowed.
   */
  String blockedBy(Map<String, String> recorded) {
    for (NightlyStage earlier : ALL.steps()) {
      if (earlier.ordinal() >= ordinal()) {
        break;
      }
      String status = recorded.get(earlier.key());
      if (!NightlyRuns.SUCCEEDED.equals(status)) {
        return "its stage " + earlier.key() + (status == null ? " has not run" : " is " + status)
            + " (stages recorded: " + inOrder(recorded) + ")";
      }
    }
    return null;
  }
}
