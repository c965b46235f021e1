package org.smcbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * smc-bench's command line, and the {@code spark-submit --class} / Databricks JAR-task main.
 * It never calls {@code System.exit} and never stops a SparkSession it did not create; a non-zero
 * outcome is raised as an exception so the cluster marks the task failed.
 */
@Command(name = "smc-bench", mixinStandardHelpOptions = true, versionProvider = CodeVersionProvider.class,
    description = "SMC-Bench on Spark: ingest, sweep, aggregate and report sparse-network benchmarks.",
    subcommands = {IngestCommand.class, PretrainCommand.class, SweepCommand.class, AggregateCommand.class, ReportCommand.class,
        RunCommand.class, NightlyCommand.class, CompareCommand.class, SqlCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class SmcBench {

  public static void main(String[] args) {
    int code = execute(args);
    if (code != 0) {
      throw new IllegalStateException("smc-bench finished with exit code " + code);
    }
  }

  /** Parses and runs a command line; returns its exit code (0 ok, 1 failed runs, 2 bad configuration). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The parser {@link #execute} runs (DeploymentFilesTest dry-runs deployed parameters through it). */
  static CommandLine commandLine() {
    return new CommandLine(new SmcBench())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(SmcBench::reportFailure);
  }

  /** A command that threw: one line naming the problem; the stack trace only with SMC_DEBUG set. */
  private static int reportFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    System.err.println("smc-bench " + command.getCommandName() + " failed: " + e);
    if (System.getenv("SMC_DEBUG") != null) {
      e.printStackTrace();
    } else {
      System.err.println("(set SMC_DEBUG=1 for the stack trace)");
    }
    return 1;
  }
}
