package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad configuration stops every command with exit code 2 and one message, before any Spark work. */
class CliConfigErrorTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(originalErr);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sparsityOutsideTheOpenUnitInterval() {
    assertEquals(2, SmcBench.execute("sweep", "--set", "sweep.sparsities=[0.36, 1.0]"));
    assertTrue(stderr().contains("smc.sweep.sparsities contains 1.0"), stderr());
  }

  @Test
  void unknownMethodName() {
    assertEquals(2, SmcBench.execute("sweep", "--set", "sweep.methods=[dense, magic]"));
    assertTrue(stderr().contains("unknown method 'magic'"), stderr());
  }

  @Test
  void unknownKey() {
    assertEquals(2, SmcBench.execute("aggregate", "--set", "aggregate.tolerance=0.1"));
    assertTrue(stderr().contains("unknown key 'smc.aggregate.tolerance'"), stderr());
  }

  @Test
  void missingDataRoot() {
    assertEquals(2, SmcBench.execute("ingest", "--set", "data.root=/nonexistent/smc-data"));
    assertTrue(stderr().contains("/nonexistent/smc-data"), stderr());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"ingest", "sweep", "aggregate", "run", "nightly", "compare", "sql"}) {
      assertEquals(0, SmcBench.execute(command, "--help"), command);
    }
  }
}
