package org.smcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.task.mc.McData;
import org.smcbench.task.mc.McEncoder;

/** Smoke tests of {@code bench step}: it works and compares like with like, not how fast it is. */
class StepBenchTest {
  private static final StepBench.Shape TINY = new StepBench.Shape(1, 2, 3, 10, 2);

  @Test
  void everyChoiceEncodesToExactlyTheShapesLength() {
    McData data = StepBench.questions(TINY, 4);
    for (int q = 0; q < 4; q++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(10, McEncoder.encode(data.tokens().get(q), c, 10, 101, 102)[0].length);
      }
    }
  }

  @Test
  void parsesThePeersLine() {
    TorchStepPeer.Result r = TorchStepPeer.parse("{\"torch\": \"1.13.1\", \"threads\": 2, \"blas\": \"b\", "
        + "\"ms_step\": 500.5, \"forward\": 200.0, \"backward\": 250.0, \"optimizer\": 45.0, \"remask\": 5.5, "
        + "\"runs_ms\": [500.5], \"params\": 15467137, \"peak_rss_mb\": 900}");
    assertEquals(500.5, r.msStep());
    assertEquals(15467137L, r.params());
    assertThrows(IllegalArgumentException.class, () -> TorchStepPeer.parse("Traceback (most recent call last):"));
  }

  @Test
  void runsAllThreeAndThePeerHasTheSameParameterCount(@TempDir Path dir) throws Exception {
    Path script = Path.of("..", "tools", "bench", "torch_step.py");
    TorchStepPeer torch = Files.isRegularFile(script) ? new TorchStepPeer(Path.of("/usr/bin/python3"), script) : null;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new StepBench(new StepBench.Settings(TINY, 1, 1, 1, 0.5, torch, dir),
        new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("smc-bench TrainLoop"), out);
    assertTrue(out.contains("bare DJL loop"), out);
    assertTrue(out.contains("ratio smc-bench / bare DJL"), out);
    Matcher ours = Pattern.compile("smc-bench model: (\\d+) parameters").matcher(out);
    assertTrue(ours.find(), out);
    // One layer of MiniLM plus embeddings and head.
    assertEquals(30522L * 384 + 512 * 384 + 2 * 384 + 2 * 384 + 4 * (384 * 384 + 384) + 2 * 384
        + 1536 * 384 + 1536 + 384 * 1536 + 384 + 2 * 384 + 384 * 384 + 384 + 384 + 1, Long.parseLong(ours.group(1)));
    Matcher peer = Pattern.compile("PyTorch peer: \\d+ threads, .*, (\\d+) parameters").matcher(out);
    Assumptions.assumeTrue(peer.find(), "PyTorch is not installed: " + out);
    assertEquals(ours.group(1), peer.group(1), "the PyTorch peer builds the same architecture");
  }

  @Test
  void rejectsShapesTheModelCannotTake() {
    assertThrows(IllegalArgumentException.class, () -> new StepBench(
        new StepBench.Settings(new StepBench.Shape(7, 2, 3, 10, 2), 1, 1, 1, 0.5, null, Path.of(".")), System.out));
  }
}
