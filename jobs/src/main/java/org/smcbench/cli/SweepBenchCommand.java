package org.smcbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.smcbench.config.CodeVersion;
import org.smcbench.config.Settings;
import org.smcbench.ingest.IngestJob;
import org.smcbench.results.Warehouse;
import org.smcbench.sweep.SweepBreakdown;
import org.smcbench.sweep.SweepJob;
import picocli.CommandLine.Command;

@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Run the configured sweep into a fresh temporary warehouse and print, per configuration, "
        + "where its time went: Spark scheduling, reading/broadcasting inputs, the executor's first build of "
        + "the model (engine start, checkpoint read), model build, start weights, masks, training, evaluation, "
        + "checkpoint, result write, and the share that is not training. Costs paid once are shared by the "
        + "configurations that use them.",
        "Use --conf/--set to choose the sweep, e.g. --conf conf/quickstart.conf --set 'sweep.methods=[dense, omp_after]'."})
final class SweepBenchCommand extends ConfiguredSweepBench {
  @Override
  int run(Settings settings, Warehouse userWarehouse) {
    Path dir = temporaryFolder("smc-bench-sweep-");
    try {
      Warehouse warehouse = new Warehouse(userWarehouse.spark(), dir.toString(), "smc_bench_sweep");
      out.println("bench sweep: temporary warehouse " + dir);
      IngestJob.run(settings, warehouse, new PrintStream(new ByteArrayOutputStream()));
      SweepJob job = new SweepJob(settings, warehouse, out, CodeVersion.get());
      SweepJob.Summary summary = job.run(SweepJob.Rerun.ALL);
      double inputs = job.inputSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
      SweepBreakdown.print(SweepBreakdown.rows(job.timings(), inputs), out);
      SweepBreakdown.printOnceCosts(job.timings(), inputs, out);
      return summary.failed() > 0 ? RUNS_FAILED : OK;
    } finally {
      cleanUp(dir);
    }
  }
}
