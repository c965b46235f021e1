package org.smcbench.sweep;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.smcbench.config.RunSpec;

/**
 * Test-only fault injection, off unless the JVM property {@code smcbench.inject.fail-first-attempt}
 * is true: the first attempt of every sweep task then dies as a lost executor would, so tests can
 * show that Spark's retry records the run exactly once.
 */
final class FaultInjection {
  static final String FAIL_FIRST_ATTEMPT = "smcbench.inject.fail-first-attempt";
  static final AtomicInteger INJECTED = new AtomicInteger();

  private FaultInjection() {}

  static void maybeFailFirstAttempt(RunSpec spec) {
    TaskContext task = TaskContext.get();
    if (Boolean.getBoolean(FAIL_FIRST_ATTEMPT) && task != null && task.attemptNumber() == 0) {
      INJECTED.incrementAndGet();
      throw new IllegalStateException("injected failure of the first attempt of " + spec.runKey());
    }
  }
}
