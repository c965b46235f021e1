package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smcbench.results.ResultsStore.Recorded;

/** Which recorded configurations a sweep runs again, per re-run rule (no Spark). */
class SweepRerunTest {
  private static final Recorded SUCCEEDED_V1 = new Recorded("succeeded", "v1");
  private static final Recorded FAILED_V1 = new Recorded("failed", "v1");

  @Test
  void aConfigurationWithoutARowAlwaysRuns() {
    for (SweepJob.Rerun rerun : new SweepJob.Rerun[] {SweepJob.Rerun.NONE, SweepJob.Rerun.FAILED,
        SweepJob.Rerun.CODE_CHANGED, SweepJob.Rerun.ALL}) {
      assertTrue(rerun.runs(null, "v1"), rerun.toString());
    }
  }

  @Test
  void resumeSkipsEveryRecordedRow() {
    assertFalse(SweepJob.Rerun.NONE.runs(SUCCEEDED_V1, "v2"));
    assertFalse(SweepJob.Rerun.NONE.runs(FAILED_V1, "v1"));
  }

  @Test
  void codeChangedRunsRowsOfAnotherCodeVersionOnly() {
    assertFalse(SweepJob.Rerun.CODE_CHANGED.runs(SUCCEEDED_V1, "v1"));
    assertTrue(SweepJob.Rerun.CODE_CHANGED.runs(SUCCEEDED_V1, "v2"));
    // A failed run of the same code stays failed unless failed runs are asked for too.
    assertFalse(SweepJob.Rerun.CODE_CHANGED.runs(FAILED_V1, "v1"));
    assertTrue(SweepJob.Rerun.CODE_CHANGED.withFailed().runs(FAILED_V1, "v1"));
    assertFalse(SweepJob.Rerun.CODE_CHANGED.withFailed().runs(SUCCEEDED_V1, "v1"));
    // A row written before code versions were recorded (null) is another version.
    assertTrue(SweepJob.Rerun.CODE_CHANGED.runs(new Recorded("succeeded", null), "v1"));
  }

  @Test
  void failedAndAll() {
    assertTrue(SweepJob.Rerun.FAILED.runs(FAILED_V1, "v1"));
    assertFalse(SweepJob.Rerun.FAILED.runs(SUCCEEDED_V1, "v2"));
    assertTrue(SweepJob.Rerun.ALL.runs(SUCCEEDED_V1, "v1"));
  }
}
