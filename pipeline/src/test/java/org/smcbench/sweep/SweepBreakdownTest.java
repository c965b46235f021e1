package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.RunSpec;
import org.smcbench.config.Settings;
import org.smcbench.results.RunRecord;

class SweepBreakdownTest {
  private static RunRecord record(double wall, String phases) {
    return record(wall, phases, "0");
  }

  private static RunRecord record(double wall, String phases, String executor) {
    return new RunRecord("k", "multiple-choice", "csqa", "", "minilm", "omp_after", "after", 0.5, 0.5, 1, "global",
        "all-matrices", "accuracy", 0.3, 0.2, "{}", RunRecord.SUCCEEDED, null, null, null, 10, 1.0, wall, phases, "cpu",
        executor, "test", 0, null, "{}", 0);
  }

  @Test
  void phasesAddUpToWhatTheDriverWaitedAndOnlyTrainingIsNotOverhead() {
    Settings s = ConfigLoader.load(null, List.of(), Map.of());
    RunSpec spec = SweepPlanner.expand(s).get(1);
    // Executor: 100 s wall, of which 2 build, 1 start weights, 0.5 masks, 90 train, 6 eval (0.5 s unnamed).
    RunRecord r = record(100, "{\"build\":2.0,\"start_weights\":1.0,\"masks\":0.5,\"train\":90.0,\"eval\":6.0}");
    SweepJob.LaunchTiming t = new SweepJob.LaunchTiming(spec, 103.0, 4.0, List.of(r));
    List<SweepBreakdown.Row> rows = SweepBreakdown.rows(List.of(t, t), 6.0);
    SweepBreakdown.Row row = rows.get(0);
    assertEquals(3.0, row.seconds().get("scheduling"), 1e-9);
    assertEquals(3.0, row.seconds().get("inputs"), 1e-9);
    assertEquals(2.5, row.seconds().get("build"), 1e-9);
    assertEquals(4.0, row.seconds().get("record"), 1e-9);
    assertEquals(0.0, row.seconds().get("checkpoint"), 1e-9);
    // 103 s job + 4 s record + 3 s inputs share.
    assertEquals(110.0, row.total(), 1e-9);
    assertEquals(20.0 / 110.0, row.overheadShare(), 1e-12);
    assertEquals(14.0 / 110.0, row.pipelineShare(), 1e-12); // minus the 6 s of evaluation
  }

  @Test
  void iterativeRoundsAreSummedIntoTheirLaunch() {
    Settings s = ConfigLoader.load(null, List.of(), Map.of());
    RunSpec spec = SweepPlanner.expand(s).get(1);
    RunRecord round1 = record(50, "{\"build\":2.0,\"masks\":1.0,\"train\":40.0,\"eval\":7.0}");
    RunRecord round2 = record(48, "{\"masks\":1.0,\"train\":40.0,\"eval\":7.0}");
    SweepJob.LaunchTiming t = new SweepJob.LaunchTiming(spec, 100.0, 2.0, List.of(round1, round2));
    SweepBreakdown.Row row = SweepBreakdown.rows(List.of(t), 0).get(0);
    assertEquals(80.0, row.seconds().get("train"), 1e-9);
    assertEquals(2.0, row.seconds().get("scheduling"), 1e-9);
    assertEquals(102.0, row.total(), 1e-9);
  }

  @Test
  void anExecutorsFirstBuildIsSharedByTheConfigurationsItRan() {
    Settings s = ConfigLoader.load(null, List.of(), Map.of());
    RunSpec spec = SweepPlanner.expand(s).get(1);
    // Executor 1 ran three configurations, the first paying a 3 s first build; executor 2 ran one,
    // paying 2 s. Each has 1 s unnamed, which is counted as build time.
    SweepJob.LaunchTiming first = new SweepJob.LaunchTiming(spec, 60.0, 1.0,
        List.of(record(59, "{\"first_build\":3.0,\"train\":50.0,\"eval\":5.0}", "1")));
    SweepJob.LaunchTiming later = new SweepJob.LaunchTiming(spec, 57.0, 1.0,
        List.of(record(56, "{\"build\":0.2,\"train\":50.0,\"eval\":4.8}", "1")));
    SweepJob.LaunchTiming other = new SweepJob.LaunchTiming(spec, 59.0, 1.0,
        List.of(record(58, "{\"first_build\":2.0,\"train\":50.0,\"eval\":5.0}", "2")));
    List<SweepBreakdown.Row> rows = SweepBreakdown.rows(List.of(first, later, later, other), 0);
    assertEquals(1.0, rows.get(0).seconds().get("first_build"), 1e-9);
    assertEquals(1.0, rows.get(1).seconds().get("first_build"), 1e-9);
    assertEquals(2.0, rows.get(3).seconds().get("first_build"), 1e-9);
    assertEquals(1.0, rows.get(0).seconds().get("build"), 1e-9);
    assertEquals(1.2, rows.get(1).seconds().get("build"), 1e-9);
    // Shared, not dropped: the rows still add up to the time the driver spent on them.
    double total = rows.stream().mapToDouble(SweepBreakdown.Row::total).sum();
    assertEquals(61.0 + 58.0 + 58.0 + 60.0, total, 1e-9);
    assertEquals(Map.of("1", 3.0, "2", 2.0), SweepBreakdown.firstBuildSeconds(List.of(first, later, later, other)));

    var printed = new java.io.ByteArrayOutputStream();
    SweepBreakdown.printOnceCosts(List.of(first, later, later, other), 6.0, new java.io.PrintStream(printed, true));
    assertEquals("paid once, shared by the rows above: inputs 6.00 s over the sweep's 4 configurations; first build"
        + " on executor 1 3.00 s over its 3; first build on executor 2 2.00 s over its 1" + System.lineSeparator(),
        printed.toString());
  }
}
