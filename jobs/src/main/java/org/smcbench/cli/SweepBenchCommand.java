package org.smcbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.smcbench.config.CodeVersion;
import org.smcbench.config.Settings;
import org.smcbench.ingest.IngestJob;
import org.smcbench.results.Warehouse;
import org.smcbench.sweep.SweepBreakdown;
import org.smcbench.sweep.SweepJob;
import org.smcbench.sweep.SweepPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Run the configured sweep into a fresh temporary warehouse and print, per configuration, "
        + "where its time went: Spark scheduling, reading/broadcasting inputs, model build, start weights, "
        + "masks, training, evaluation, checkpoint, result MERGE, and the share that is not training.",
        "Use --conf/--set to choose the sweep, e.g. --conf conf/quickstart.conf --set 'sweep.methods=[dense, omp_after]'."})
final class SweepBenchCommand extends BaseCommand {
  @Option(names = "--keep", description = "Keep the temporary warehouse (its path is printed).")
  boolean keep;

  @Override
  void validate(Settings settings) {
    Checks.dataRootExists(settings);
    SweepPlanner.expand(settings);
  }

  @Override
  int run(Settings settings, Warehouse userWarehouse) {
    Path dir;
    try {
      dir = Files.createTempDirectory("smc-bench-sweep-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      Warehouse warehouse = new Warehouse(userWarehouse.spark(), dir.toString(), "smc_bench_sweep");
      out.println("bench sweep: temporary warehouse " + dir);
      IngestJob.run(settings, warehouse, new PrintStream(new ByteArrayOutputStream()));
      SweepJob job = new SweepJob(settings, warehouse, out, CodeVersion.get());
      SweepJob.Summary summary = job.run(SweepJob.Rerun.ALL);
      double inputs = job.inputSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
      SweepBreakdown.print(SweepBreakdown.rows(job.timings(), inputs), out);
      return summary.failed() > 0 ? RUNS_FAILED : OK;
    } finally {
      if (!keep) {
        deleteTree(dir);
      }
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("bench sweep: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
