package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of {@code bench sweep}: it runs a tiny sweep in a temporary warehouse and prints the breakdown. */
class BenchSweepCommandTest {
  @TempDir
  Path dir;

  @Test
  void printsABreakdownRowPerConfigurationAndLeavesTheUsersWarehouseAlone() throws Exception {
    Path data = dir.resolve("data");
    FixtureFiles.csqa(data, 12, 4);
    Path conf = dir.resolve("test.conf");
    Files.writeString(conf, String.join("\n",
        "smc.data.root = \"" + data + "\"",
        "smc.warehouse.path = \"" + dir.resolve("wh") + "\"",
        "smc.models.minilm { layers = 1, max-seq-len = 24 }",
        "smc.training { steps = 2, warmup-steps = 1, batch-size = 4 }",
        "smc.sweep { methods = [dense, omp_after], sparsities = [0.5] }"));
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      code = SmcBench.execute("bench", "sweep", "--conf", conf.toString());
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    assertTrue(out.contains("scheduling"), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("dense csqa minilm seed=1")), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("omp_after csqa minilm s=0.500 seed=1")), out);
    assertTrue(out.contains("not training (everything but train) per configuration: median"), out);
    assertTrue(out.contains("pipeline overhead (neither train nor eval) per configuration: median"), out);
    assertTrue(out.contains("paid once, shared by the rows above: inputs "), out);
    assertTrue(!Files.exists(dir.resolve("wh").resolve("runs")), "the configured warehouse is not written");
  }
}
