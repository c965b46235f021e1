package org.smcbench.cli;

import org.smcbench.config.CodeVersion;
import org.smcbench.config.ConfigError;
import org.smcbench.config.Settings;
import org.smcbench.nightly.NightlyJob;
import org.smcbench.nightly.NightlyRuns;
import org.smcbench.nightly.NightlyStage;
import org.smcbench.results.Warehouse;
import org.smcbench.sweep.SweepPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = "Nightly regeneration recorded in smc.nightly_runs: ingest datasets whose files or settings changed,"
        + " pretrain and sweep new and code-changed configurations, aggregate, OPTIMIZE and VACUUM. --stage runs one"
        + " stage of the nightly --id (one cluster task each).")
final class NightlyCommand extends BaseCommand {
  @Option(names = "--id", paramLabel = "ID",
      description = "The nightly's id (default for the ingest stage and all: the start time, UTC, e.g. 20261202T020000Z).")
  String id;

  @Option(names = "--stage", defaultValue = "all",
      description = "all, ingest, sweep (pretrain + sweep) or aggregate (aggregate + OPTIMIZE/VACUUM) (default: ${DEFAULT-VALUE}).")
  NightlyStage stage;

  @Option(names = "--force", description = "Re-run every configuration.")
  boolean force;

  @Option(names = "--rerun-failed", description = "Also re-run configurations recorded as failed by this code version.")
  boolean rerunFailed;

  @Option(names = "--reingest", description = "Ingest every dataset whatever its fingerprint.")
  boolean reingest;

  @Override
  void validate(Settings settings) {
    if (stage != NightlyStage.ALL && stage != NightlyStage.INGEST && id == null) {
      throw new ConfigError("nightly --stage " + stage.key() + " continues a nightly: give --id, the id its ingest"
          + " stage recorded (on Databricks {{job.run_id}})");
    }
    if (stage == NightlyStage.ALL || stage == NightlyStage.INGEST) {
      Checks.dataRootExists(settings);
    }
    if (stage == NightlyStage.ALL || stage == NightlyStage.SWEEP) {
      SweepPlanner.expand(settings);
    }
  }

  @Override
  int run(Settings settings, Warehouse warehouse) {
    NightlyJob.Outcome outcome;
    try {
      outcome = new NightlyJob(settings, warehouse, out, CodeVersion.get())
          .run(new NightlyJob.Options(id, force, rerunFailed, reingest, stage));
    } catch (NightlyStage.Refused e) {
      System.err.println("nightly: " + e.getMessage());
      return BAD_CONFIG;
    }
    if (outcome.leaderboard() != null) {
      TablePrinter.print(outcome.leaderboard(), TablePrinter.Format.TABLE, out);
    }
    NightlyRuns.Nightly row = outcome.row();
    out.printf("nightly %s: %s, stages %s, code version %s%n", row.nightlyId(), row.status(), NightlyStage.inOrder(row.stages()),
        row.codeVersion());
    out.printf("  datasets ingested %s, unchanged %s%n", row.datasetsIngested(), row.datasetsUnchanged());
    out.printf("  configurations: %d planned, %d ran, %d skipped, %d failed%n", row.runsPlanned(), row.runsRan(),
        row.runsSkipped(), row.runsFailed());
    out.printf("  table versions %s%n", new java.util.TreeMap<>(row.tableVersions()));
    // Failed configurations are data: the sweep stage records them and succeeds so aggregate still
    // runs; the command that ends the nightly reports them with exit code 1, as sweep does.
    boolean ends = stage == NightlyStage.ALL || stage == NightlyStage.AGGREGATE;
    return ends && row.runsFailed() > 0 ? RUNS_FAILED : OK;
  }
}
