package org.smcbench.cli;

import org.smcbench.config.CodeVersion;
import org.smcbench.config.Settings;
import org.smcbench.results.Warehouse;
import org.smcbench.sweep.SweepJob;
import org.smcbench.sweep.SweepPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run every configuration of the grid not yet recorded (one per Spark task); results MERGE into smc.runs.")
final class SweepCommand extends BaseCommand {
  @Option(names = "--rerun-failed", description = "Also re-run configurations recorded as failed.")
  boolean rerunFailed;

  @Option(names = "--force", description = "Re-run every configuration, even succeeded ones.")
  boolean force;

  @Override
  void validate(Settings settings) {
    SweepPlanner.expand(settings);
  }

  @Override
  int run(Settings settings, Warehouse warehouse) {
    return sweep(settings, warehouse, force ? SweepJob.Rerun.ALL : rerunFailed ? SweepJob.Rerun.FAILED : SweepJob.Rerun.NONE);
  }

  int sweep(Settings settings, Warehouse warehouse, SweepJob.Rerun rerun) {
    SweepJob.Summary summary = new SweepJob(settings, warehouse, out, CodeVersion.get()).run(rerun);
    return summary.failed() > 0 ? RUNS_FAILED : OK;
  }
}
