package org.smcbench.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which stage may continue a nightly, given the stage statuses its row recorded (no Spark). */
class NightlyStageTest {
  @Test
  void aStageRunsWhenEveryEarlierStageSucceededAndMayBeRepeated() {
    assertEquals(List.of(NightlyStage.INGEST, NightlyStage.SWEEP, NightlyStage.AGGREGATE), NightlyStage.ALL.steps());
    assertEquals(List.of(NightlyStage.SWEEP), NightlyStage.SWEEP.steps());
    assertNull(NightlyStage.INGEST.blockedBy(Map.of()));
    assertNull(NightlyStage.SWEEP.blockedBy(Map.of("ingest", "succeeded")));
    // A repaired job run re-runs a failed stage, and the stages after it.
    assertNull(NightlyStage.SWEEP.blockedBy(Map.of("ingest", "succeeded", "sweep", "failed")));
    assertNull(NightlyStage.AGGREGATE.blockedBy(Map.of("ingest", "succeeded", "sweep", "succeeded",
        "aggregate", "succeeded")));
  }

  @Test
  void aStageWhoseEarlierStageDidNotSucceedIsRefusedNamingIt() {
    assertEquals("its stage ingest has not run (stages recorded: {})", NightlyStage.SWEEP.blockedBy(Map.of()));
    assertEquals("its stage sweep is failed (stages recorded: {ingest=succeeded, sweep=failed})",
        NightlyStage.AGGREGATE.blockedBy(Map.of("sweep", "failed", "ingest", "succeeded")));
    assertEquals("its stage sweep is running (stages recorded: {ingest=succeeded, sweep=running})",
        NightlyStage.AGGREGATE.blockedBy(Map.of("ingest", "succeeded", "sweep", "running")));
  }
}
