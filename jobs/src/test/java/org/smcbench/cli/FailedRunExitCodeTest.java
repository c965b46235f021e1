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

/** A configuration that fails makes the command exit 1 after the summary names it; the rest still finish. */
class FailedRunExitCodeTest {
  @TempDir
  Path dir;

  @Test
  void divergingConfigurationGivesExitCodeOneAfterTheSummary() throws Exception {
    Path data = dir.resolve("data");
    FixtureFiles.csqa(data, 16, 4);
    Path conf = dir.resolve("test.conf");
    Files.writeString(conf, String.join("\n",
        "smc.data.root = \"" + data + "\"",
        "smc.warehouse.path = \"" + dir.resolve("wh") + "\"",
        "smc.warehouse.database = \"exit_code\"",
        "smc.models.minilm { layers = 1, max-seq-len = 24 }",
        "smc.training { steps = 4, warmup-steps = 1, batch-size = 4 }",
        // Random (After) starts from the diverged dense run: it cannot start and is recorded failed too.
        "smc.datasets.csqa.training.learning-rate = 1e12",
        "smc.sweep { methods = [dense, random_after], sparsities = [0.5] }"));
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      code = SmcBench.execute("run", "--conf", conf.toString());
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, out);
    assertTrue(out.contains("sweep done: 0 succeeded, 2 failed"), out);
    assertTrue(out.contains("org.smcbench.train.TrainingDiverged"), out);
    assertTrue(out.contains("dense parent"), out);
  }
}
