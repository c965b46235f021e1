package org.smcbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs one command line in this JVM, as {@code bin/smc-bench} would, capturing what it prints and how long it took. */
record CliRun(int code, String out, String err, double seconds) {
  static CliRun execute(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    long started = System.nanoTime();
    try {
      int code = SmcBench.execute(args);
      return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
          (System.nanoTime() - started) / 1e9);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}
