package org.smcbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smcbench.bench.LocalClusterSubmit;
import org.smcbench.bench.RunTimeline;
import org.smcbench.config.Settings;
import org.smcbench.ingest.IngestJob;
import org.smcbench.results.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scaling", mixinStandardHelpOptions = true,
    description = {"The configured sweep spark-submitted on local-cluster[1,1,mem] and on local-cluster[2,1,mem] "
        + "(one and two executor JVMs, one core each), each into its own fresh warehouse ingested here first; "
        + "prints each run's span on its executor, each sweep's time (from its plan to its last result), the executors its runs used, the most runs one executor held at once, and the speed-up.",
        "Use --conf/--set to choose the sweep; a sweep whose configurations come in pairs (e.g. 2 seeds) keeps both executors busy."})
final class ScalingBenchCommand extends ConfiguredSweepBench {
  @Option(names = "--executor-memory", defaultValue = "2048", description = "MB per executor JVM (default: ${DEFAULT-VALUE}).")
  int executorMemoryMb;

  @Option(names = "--max-executors", defaultValue = "2", description = "Largest cluster measured (default: ${DEFAULT-VALUE}).")
  int maxExecutors;

  /** One cluster's sweep: its time from plan to last result, the executors its runs used, the whole submit. */
  private record Measured(String master, double sweepSeconds, long executorsUsed, double submitSeconds,
      int concurrentPerExecutor) {}

  @Override
  int run(Settings settings, Warehouse userWarehouse) {
    Path jar = ownJar();
    Path dir = temporaryFolder("smc-bench-scaling-");
    out.println("bench scaling: " + jar.getFileName() + ", temporary folder " + dir);
    List<Measured> rows = new ArrayList<>();
    for (int executors = 1; executors <= maxExecutors; executors *= 2) {
      Path path = dir.resolve("wh" + executors);
      String database = "smc_bench_scaling_" + executors;
      Warehouse warehouse = new Warehouse(userWarehouse.spark(), path.toString(), database);
      IngestJob.run(settings, warehouse, new PrintStream(new ByteArrayOutputStream()));
      List<String> args = new ArrayList<>(List.of("sweep"));
      if (config.conf != null) {
        args.addAll(List.of("--conf", config.conf.getAbsolutePath()));
      }
      config.sets.forEach(s -> args.addAll(List.of("--set", s)));
      args.addAll(List.of("--set", "warehouse.path=\"" + path + "\"", "--set", "warehouse.database=" + database));
      LocalClusterSubmit submit = new LocalClusterSubmit(jar, dir.resolve("work" + executors), executors, 1, executorMemoryMb);
      String models = System.getProperty("smcbench.models.dir");
      if (models != null) {
        submit.systemProperty("smcbench.models.dir", models);
      }
      out.printf("bench scaling: sweep on %s ...%n", submit.master());
      LocalClusterSubmit.Result result = submit.run(args, 240, line -> {
        if (line.startsWith("[") || line.startsWith("sweep")) {
          out.println("  " + line);
        }
      });
      if (result.exitCode() != 0) {
        out.println(result.output());
        out.printf("bench scaling: the sweep on %s exited with %d%n", submit.master(), result.exitCode());
        return RUNS_FAILED;
      }
      List<RunTimeline.Span> spans = RunTimeline.read(warehouse);
      long used = spans.stream().map(RunTimeline.Span::executor).distinct().count();
      for (RunTimeline.Span span : spans) {
        out.printf("  executor %s: %-32s %7.1f s - %7.1f s%n", span.executor(), span.run(), span.start(), span.end());
      }
      rows.add(new Measured(submit.master(), result.secondsBetween("sweep: ", "sweep done:"), used, result.seconds(),
          RunTimeline.maxConcurrentPerExecutor(spans)));
    }
    out.println();
    out.printf("%-26s %12s %15s %18s %14s %9s%n", "cluster", "sweep (s)", "executors used", "runs at once/exec",
        "spark-submit", "speed-up");
    for (Measured r : rows) {
      out.printf("%-26s %12.1f %15d %18d %13.1fs %8.2fx%n", r.master(), r.sweepSeconds(), r.executorsUsed(),
          r.concurrentPerExecutor(), r.submitSeconds(), rows.get(0).sweepSeconds() / r.sweepSeconds());
    }
    cleanUp(dir);
    return OK;
  }

  /** The shaded jar this command runs from: spark-submit ships it to the executors. */
  private static Path ownJar() {
    try {
      Path path = Path.of(ScalingBenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!path.toString().endsWith(".jar")) {
        throw new IllegalStateException("bench scaling spark-submits the shaded jar and runs from classes in " + path
            + "; run it with bin/smc-bench (jobs/target/smc-bench.jar)");
      }
      return path;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
