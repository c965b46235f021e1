package org.smcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.sparsity.select.ExactKth;

class TorchPeerTest {
  /** A line as tools/bench/torch_kthvalue.py printed it (Debian torch 1.13, 1,000 values). */
  private static final String CANNED = "{\"torch\": \"1.13.0a0\", \"threads\": 2, \"blas\": \"BLAS_INFO=generic;"
      + " loaded: libblas.so.3, libopenblasp-r0.3.21.so; OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY"
      + " Zen MAX_THREADS=64, 2 threads\", \"n\": 1000, \"k\": 589, \"value_bits\": 1062360465, \"ms\":"
      + " 0.018785000065690838, \"runs_ms\": [0.028, 0.019, 0.012], \"peak_rss_mb\": 231}";

  @Test
  void parsesTheScriptsLine() {
    TorchPeer.Result r = TorchPeer.parse(CANNED);
    assertEquals("1.13.0a0", r.torchVersion());
    assertEquals(2, r.threads());
    assertEquals(1000, r.n());
    assertEquals(589, r.k());
    assertEquals(1062360465, r.valueBits());
    assertEquals(0.82161814f, r.value());
    assertEquals(0.018785000065690838, r.ms());
    assertEquals(List.of(0.028, 0.019, 0.012), r.runsMs());
    assertEquals(231, r.peakRssMb());
    assertEquals(true, r.blas().contains("OpenBLAS 0.3.21"));
  }

  @Test
  void valueBitsAreUnsigned32() {
    // -1.0f is 0xBF800000: above Integer.MAX_VALUE as the script prints it
    String negative = CANNED.replace("1062360465", Long.toString(0xBF800000L));
    assertEquals(-1.0f, TorchPeer.parse(negative).value());
    assertThrows(IllegalArgumentException.class,
        () -> TorchPeer.parse(CANNED.replace("1062360465", "4294967296")));
  }

  @Test
  void malformedOutputIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> TorchPeer.parse("Traceback (most recent call last):"));
    assertThrows(IllegalArgumentException.class, () -> TorchPeer.parse(CANNED.replace("\"ms\"", "\"msec\"")));
    assertThrows(IllegalArgumentException.class, () -> TorchPeer.parse(""));
  }

  @Test
  void missingPythonOrScriptMeansUnavailable(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("x.f32"), new byte[4]);
    Path script = Files.writeString(dir.resolve("s.py"), "");
    assertThrows(TorchPeer.Unavailable.class,
        () -> new TorchPeer(dir.resolve("no-python"), script).run(file, 1, 0, 1, 1));
    assertThrows(TorchPeer.Unavailable.class,
        () -> new TorchPeer(Path.of("/usr/bin/python3"), dir.resolve("missing.py")).run(file, 1, 0, 1, 1));
  }

  /** The real script on the same bytes as ours, when this machine has PyTorch. */
  @Test
  void scriptAgreesWithExactKthBitForBit(@TempDir Path dir) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python) && imports(python, "torch"), "no PyTorch here");
    Path script = Path.of(System.getProperty("smc.project.root", "..")).resolve("tools/bench/torch_kthvalue.py");
    List<float[]> tensors = SyntheticScores.generate(5_000, 7);
    Path file = dir.resolve("scores.f32");
    SyntheticScores.writeLittleEndian(tensors, file);
    float[] sorted = tensors.get(0).clone();
    Arrays.sort(sorted);
    for (long k : new long[] {0, ThresholdBench.k(5_000, 0.59), 4_999}) {
      TorchPeer.Result r = new TorchPeer(python, script).run(file, 5_000, k, 1, 2);
      assertEquals(Float.floatToRawIntBits(sorted[(int) k]), r.valueBits(), "k " + k);
      assertEquals(Float.floatToRawIntBits(ExactKth.kth(tensors, k)), r.valueBits(), "k " + k);
    }
  }

  private static boolean imports(Path python, String module) throws Exception {
    Process p = new ProcessBuilder(python.toString(), "-c", "import " + module).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
