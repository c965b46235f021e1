package org.smcbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smcbench.bench.ThresholdBench;
import org.smcbench.bench.TorchPeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "threshold", mixinStandardHelpOptions = true,
    description = {"Global magnitude threshold: time our exact k-th smallest (k = round(s·N) − 1) over N "
        + "seeded |N(0,1)| float32 scores against torch.kthvalue on the same bytes, and check the two "
        + "values are bit-for-bit equal.",
        "Needs about 4·N bytes of heap for the largest size (bin/smc-bench: -Xmx6g, SMC_JAVA_OPTS overrides)."})
final class ThresholdBenchCommand implements Callable<Integer> {
  @Option(names = "--sizes", split = ",", defaultValue = "10M,100M,355M",
      description = "Score counts, decimal K/M/G suffixes (default: ${DEFAULT-VALUE}).")
  List<String> sizes;

  @Option(names = "--sparsity", defaultValue = "0.59", description = "Pruned fraction s (default: ${DEFAULT-VALUE}).")
  double sparsity;

  @Option(names = "--repeats", defaultValue = "3", description = "Timed runs after one warm-up; the median is shown (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the scores (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-torch", description = "Skip the PyTorch peer.")
  boolean noTorch;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with PyTorch (default: ${DEFAULT-VALUE}).")
  Path python;

  @Option(names = "--torch-script", description = "The peer script (default: tools/bench/torch_kthvalue.py of the checkout).")
  Path script;

  @Option(names = "--tmp-dir", description = "Where the scores file goes (default: java.io.tmpdir).")
  Path tmpDir;

  @Override
  public Integer call() throws Exception {
    if (repeats < 1) {
      System.err.println("--repeats must be at least 1");
      return 2;
    }
    if (!(sparsity > 0 && sparsity < 1)) {
      System.err.println("--sparsity " + sparsity + " outside (0, 1)");
      return 2;
    }
    TorchPeer torch = noTorch ? null : new TorchPeer(python, script != null ? script : checkoutFile("torch_kthvalue.py"));
    Path tmp = tmpDir != null ? tmpDir : Path.of(System.getProperty("java.io.tmpdir"));
    try {
      new ThresholdBench(new ThresholdBench.Settings(sizes, sparsity, repeats, seed, torch, tmp), System.out).run();
    } catch (IllegalArgumentException e) {
      System.err.println("bench threshold: " + e.getMessage());
      return 2;
    }
    return 0;
  }

  /** A peer script of tools/bench/: bin/smc-bench names the checkout; else look upwards from the working directory. */
  static Path checkoutFile(String script) {
    Path relative = Path.of("tools", "bench", script);
    String home = System.getProperty("smcbench.home");
    if (home != null) {
      return Path.of(home).resolve(relative);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    return relative;
  }
}
