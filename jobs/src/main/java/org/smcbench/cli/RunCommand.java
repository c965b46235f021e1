package org.smcbench.cli;

import org.smcbench.config.CodeVersion;
import org.smcbench.config.Settings;
import org.smcbench.ingest.IngestJob;
import org.smcbench.results.AggregateJob;
import org.smcbench.results.Warehouse;
import org.smcbench.sweep.SweepJob;
import org.smcbench.pretrain.PretrainJob;
import org.smcbench.sweep.SweepPlanner;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true, description = "ingest, then pretrain (models with checkpoint-format mlm-pretrain or denoise-pretrain), then sweep, then aggregate.")
final class RunCommand extends BaseCommand {
  @Override
  void validate(Settings settings) {
    Checks.dataRootExists(settings);
    SweepPlanner.expand(settings);
  }

  @Override
  int run(Settings settings, Warehouse warehouse) {
    long started = System.nanoTime();
    IngestJob.run(settings, warehouse, out);
    PretrainJob.run(settings, warehouse, out, CodeVersion.get());
    SweepJob.Summary summary = new SweepJob(settings, warehouse, out, CodeVersion.get()).run(SweepJob.Rerun.NONE);
    TablePrinter.print(AggregateJob.run(warehouse, settings.matchingTolerance()), TablePrinter.Format.TABLE, out);
    out.printf("run finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
    return summary.failed() > 0 ? RUNS_FAILED : OK;
  }
}
