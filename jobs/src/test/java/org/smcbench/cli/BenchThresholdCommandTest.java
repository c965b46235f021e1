package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bench threshold} end to end at 1 M values, without the peer; never asserts on timings. */
class BenchThresholdCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void printsTheRowOfEachSize() {
    int code = SmcBench.execute("bench", "threshold", "--sizes", "1M", "--repeats", "1", "--no-torch");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, printed + err.toString(StandardCharsets.UTF_8));
    // size | N | tensors | k = round(0.59 * 1e6) - 1 | value | ours ms | read ms | ours/read | torch columns empty
    Pattern row = Pattern.compile("(?m)^1M\\s+\\|\\s+1,000,000 \\|\\s+1 \\|\\s+589,999 \\| \\d\\.\\d+\\s*\\|"
        + "\\s+[\\d.]+ \\|\\s+[\\d.]+ \\|\\s+[\\d.]+ \\|\\s+- \\|\\s+- \\| -$");
    assertTrue(row.matcher(printed).find(), printed);
  }

  @Test
  void badArgumentsAreRejectedBeforeAnyWork() {
    assertEquals(2, SmcBench.execute("bench", "threshold", "--sizes", "ten", "--no-torch"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("size 'ten'"));
    assertEquals(2, SmcBench.execute("bench", "threshold", "--sizes", "1K", "--sparsity", "1.0", "--no-torch"));
    assertEquals(2, SmcBench.execute("bench", "threshold", "--sizes", "1", "--sparsity", "0.1", "--no-torch"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no threshold to select"));
  }

  @Test
  void benchGroupHasHelp() {
    assertEquals(0, SmcBench.execute("bench", "--help"));
    assertEquals(0, SmcBench.execute("bench", "threshold", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--no-torch"));
  }
}
