package org.smcbench.cli;

/** Entry point of {@code bin/smc-bench}: like {@link SmcBench} but turns the outcome into the exit code. */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    System.exit(SmcBench.execute(args));
  }
}
