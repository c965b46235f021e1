package org.smcbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code smc-bench bench ...}: benchmarks of the pipeline's hot paths. {@code threshold} and
 * {@code step} run in this JVM without Spark or a configuration, against PyTorch; {@code sweep} runs a configured sweep in a
 * temporary warehouse and breaks each configuration's time down.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: threshold and step (against PyTorch, no Spark), sweep (per-configuration time breakdown).",
    subcommands = {ThresholdBenchCommand.class, StepBenchCommand.class, SweepBenchCommand.class, ScalingBenchCommand.class})
final class BenchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out); // a group alone: say what is in it
  }
}
