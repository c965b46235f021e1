package org.smcbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code smc-bench bench ...}: micro-benchmarks of the pipeline's hot paths against PyTorch. They run
 * in this JVM without Spark or a configuration. ({@code step} and {@code sweep} are to come.)
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Micro-benchmarks against PyTorch (no Spark session).",
    subcommands = {ThresholdBenchCommand.class})
final class BenchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out); // a group alone: say what is in it
  }
}
