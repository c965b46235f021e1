package org.smcbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smcbench.sparsity.select.ExactKth;
import org.smcbench.sparsity.select.MaskSelector;

/**
 * Global magnitude threshold, ours against PyTorch's: for each size N, the k-th smallest of N
 * seeded |N(0,1)| float32 scores with {@code k = round(s·N) − 1} (0-based), the rank of the last
 * entry {@link MaskSelector#select} prunes, i.e. its threshold. Ours is {@link ExactKth#select}
 * over model-like tensors; torch's is {@code torch.kthvalue(x, k + 1)} on one flat tensor read
 * from the same bytes. Only the selection call is timed on either side: median of {@code repeats}
 * after one warm-up (ours also warms the JIT once per process, on other scores). Beside them, one
 * streaming read of the same scores ({@link StreamingRead}): the bandwidth floor of a pass.
 */
public final class ThresholdBench {

  /** What to run; {@code torch} null skips the peer. */
  public record Settings(List<String> sizes, double sparsity, int repeats, long seed, TorchPeer torch,
      Path tempRoot) {}

  /** One size's outcome; {@code torch} is null when the peer did not run. */
  public record Row(String size, long n, int tensors, long k, float ours, double oursMs, double readMs,
      TorchPeer.Result torch) {
    public Boolean bitEqual() {
      return torch == null ? null : Float.floatToRawIntBits(ours) == torch.valueBits();
    }
  }

  private static final String FORMAT = "%-6s | %13s | %7s | %13s | %-11s | %8s | %7s | %9s | %9s | %10s | %s%n";

  private final Settings settings;
  private final PrintStream out;
  private final int threads = Runtime.getRuntime().availableProcessors();
  private boolean jitWarm;

  public ThresholdBench(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /** Runs every size, printing the table row by row; returns the rows. */
  public List<Row> run() throws IOException {
    long[] counts = settings.sizes.stream().mapToLong(Sizes::parse).toArray();
    for (long n : counts) {
      checkFits(n);
      k(n, settings.sparsity); // fail on a degenerate rank before any work
    }
    out.printf(Locale.ROOT, "global magnitude threshold: k-th smallest of N |N(0,1)| float32 scores,"
        + " k = round(%s·N) − 1 (0-based; torch.kthvalue gets k + 1), seed %d%n",
        settings.sparsity, settings.seed);
    out.printf(Locale.ROOT, "ours: ExactKth over model-like tensors on %d threads; torch: kthvalue on one"
        + " flat tensor; median of %d after 1 warm-up (ours: JIT warmed once before), selection call only%n", threads, settings.repeats);
    out.printf(Locale.ROOT, FORMAT, "size", "N", "tensors", "k", "value", "ours ms", "read ms", "ours/read",
        "torch ms", "torch/ours", "equal");
    List<Row> rows = new ArrayList<>();
    TorchPeer torch = settings.torch;
    Path dir = Files.createTempDirectory(settings.tempRoot, "smc-bench-threshold-");
    try {
      for (int i = 0; i < counts.length; i++) {
        Path file = dir.resolve("scores-" + counts[i] + ".f32");
        try {
          Row row = runSize(settings.sizes.get(i), counts[i], file, torch);
          if (torch != null && row.torch == null) {
            torch = null; // unavailable: noted once, not retried
          }
          rows.add(row);
          printRow(row);
        } finally {
          Files.deleteIfExists(file);
        }
      }
    } finally {
      Files.deleteIfExists(dir);
    }
    if (settings.torch != null && rows.stream().anyMatch(r -> r.torch != null)) {
      TorchPeer.Result t = rows.stream().filter(r -> r.torch != null).reduce((a, b) -> b).orElseThrow().torch;
      out.printf(Locale.ROOT, "torch %s, %d intra-op threads, %s; peak RSS %,d MB at N = %,d%n",
          t.torchVersion(), t.threads(), t.blas(), t.peakRssMb(), t.n());
    }
    out.flush();
    return rows;
  }

  /** The 0-based rank of the last pruned entry: {@code round(s·N) − 1}. */
  static long k(long n, double sparsity) {
    long pruned = MaskSelector.prunedCount(n, sparsity);
    if (pruned < 1 || pruned > n) {
      throw new IllegalArgumentException("sparsity " + sparsity + " prunes " + pruned + " of " + n
          + " values: no threshold to select");
    }
    return pruned - 1;
  }

  private Row runSize(String label, long n, Path file, TorchPeer torch) throws IOException {
    long k = k(n, settings.sparsity);
    List<float[]> tensors = SyntheticScores.generate(n, settings.seed);
    int count = tensors.size();
    if (!jitWarm) {
      warmUpJit();
    }
    double[] ms = new double[settings.repeats];
    float value = ExactKth.select(tensors, null, k).value(); // warm-up
    for (int r = 0; r < ms.length; r++) {
      long start = System.nanoTime();
      float v = ExactKth.select(tensors, null, k).value();
      ms[r] = (System.nanoTime() - start) / 1e6;
      if (Float.floatToRawIntBits(v) != Float.floatToRawIntBits(value)) {
        throw new IllegalStateException("ExactKth gave " + v + " then " + value + " for the same input");
      }
    }
    double readMs = StreamingRead.ms(tensors, settings.repeats);
    TorchPeer.Result peer = null;
    if (torch != null) {
      // written after our timing and synced, so no write-back runs under either side's clock
      SyntheticScores.writeLittleEndian(tensors, file);
      tensors = null; // let the arrays go before the peer loads its copy
      try {
        peer = torch.run(file, n, k, settings.repeats, threads);
      } catch (TorchPeer.Unavailable e) {
        out.println("note: PyTorch peer unavailable (" + e.getMessage() + "); timing ours only");
      }
      if (peer != null && (peer.n() != n || peer.k() != k)) {
        throw new IllegalStateException("peer answered for n " + peer.n() + ", k " + peer.k());
      }
    }
    return new Row(label, n, count, k, value, median(ms), readMs, peer);
  }

  /**
   * Gets the selection loops through the JIT once per process (C2 needs a few calls; the first
   * size's single warm-up alone left it several times slower), on scores of its own, untimed.
   */
  private void warmUpJit() {
    List<float[]> scores = SyntheticScores.generate(8L << 20, settings.seed + 1);
    for (int i = 0; i < 10; i++) {
      ExactKth.select(scores, null, k(8L << 20, settings.sparsity));
    }
    jitWarm = true;
  }

  private void printRow(Row row) {
    String torchMs = row.torch == null ? "-" : fixed(row.torch.ms());
    String ratio = row.torch == null ? "-" : String.format(Locale.ROOT, "%.1f", row.torch.ms() / row.oursMs);
    String equal = row.torch == null ? "-" : row.bitEqual() ? "yes" : "NO (torch " + row.torch.value() + ")";
    out.printf(Locale.ROOT, FORMAT, row.size, String.format(Locale.ROOT, "%,d", row.n), row.tensors,
        String.format(Locale.ROOT, "%,d", row.k), Float.toString(row.ours), fixed(row.oursMs), fixed(row.readMs),
        String.format(Locale.ROOT, "%.2f", row.oursMs / row.readMs), torchMs, ratio, equal);
    out.flush();
  }

  private static String fixed(double ms) {
    return String.format(Locale.ROOT, "%.1f", ms);
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  /** The scores live on the heap: say so up front rather than failing with OutOfMemoryError. */
  private static void checkFits(long n) {
    long need = 4 * n + (256L << 20); // the arrays plus histograms, buffers and headroom
    long max = Runtime.getRuntime().maxMemory();
    if (need > max) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%,d float32 scores need about %d MiB of heap; the JVM has %d MiB (set SMC_JAVA_OPTS=-Xmx...)",
          n, need >> 20, max >> 20));
    }
  }
}
