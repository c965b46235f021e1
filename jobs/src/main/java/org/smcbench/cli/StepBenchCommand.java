package org.smcbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smcbench.bench.StepBench;
import org.smcbench.bench.TorchStepPeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "step", mixinStandardHelpOptions = true,
    description = {"Training step at one shape: the project's TrainLoop (MiniLM model, OMP mask re-applied "
        + "after every update) beside a bare DJL loop on the same model and PyTorch eager on the identical "
        + "architecture (tools/bench/torch_step.py under Debian's python3-torch); ms/step, the split "
        + "forward / backward / optimizer / re-masking, and the ratios."})
final class StepBenchCommand implements Callable<Integer> {
  @Option(names = "--layers", defaultValue = "2", description = "Encoder layers, 1-6 (default: ${DEFAULT-VALUE}).")
  int layers;

  @Option(names = "--questions", defaultValue = "8", description = "Questions per batch (default: ${DEFAULT-VALUE}).")
  int questions;

  @Option(names = "--choices", defaultValue = "5", description = "Choices per question (default: ${DEFAULT-VALUE}).")
  int choices;

  @Option(names = "--seq", defaultValue = "48", description = "Tokens per (question, choice) input (default: ${DEFAULT-VALUE}).")
  int seq;

  @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads on both sides (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--steps", defaultValue = "6", description = "Timed steps; the median is shown (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--rounds", defaultValue = "3", description = "Alternating rounds of the three; medians over rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--sparsity", defaultValue = "0.5", description = "OMP mask re-applied after every update (default: ${DEFAULT-VALUE}).")
  double sparsity;

  @Option(names = "--no-torch", description = "Skip the PyTorch peer.")
  boolean noTorch;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with PyTorch (default: ${DEFAULT-VALUE}).")
  Path python;

  @Option(names = "--torch-script", description = "The peer script (default: tools/bench/torch_step.py of the checkout).")
  Path script;

  @Override
  public Integer call() throws Exception {
    if (!(sparsity >= 0 && sparsity < 1)) {
      System.err.println("--sparsity " + sparsity + " outside [0, 1)");
      return 2;
    }
    TorchStepPeer torch = noTorch ? null
        : new TorchStepPeer(python, script != null ? script : ThresholdBenchCommand.checkoutFile("torch_step.py"));
    StepBench.Shape shape = new StepBench.Shape(layers, questions, choices, seq, threads);
    try {
      new StepBench(new StepBench.Settings(shape, warmup, steps, rounds, sparsity, torch,
          Path.of(System.getProperty("java.io.tmpdir"))), System.out).run();
    } catch (IllegalArgumentException e) {
      System.err.println("bench step: " + e.getMessage());
      return 2;
    }
    return 0;
  }
}
