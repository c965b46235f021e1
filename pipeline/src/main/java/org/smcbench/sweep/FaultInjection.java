package org.smcbench.sweep;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.smcbench.config.RunSpec;

/**
 * Test-only fault injection, off unless a JVM property turns it on:
 * {@code smcbench.inject.fail-first-attempt=true} makes the first attempt of every sweep task die as
 * a lost executor would (Spark's retry must record the run exactly once);
 * {@code smcbench.inject.oom-at-step=N} makes every run run out of memory at training step N (the
 * run must be recorded as failed at that step, not lost).
 */
final class FaultInjection {
  static final String FAIL_FIRST_ATTEMPT = "smcbench.inject.fail-first-attempt";
  static final String OOM_AT_STEP = "smcbench.inject.oom-at-step";
  static final AtomicInteger INJECTED = new AtomicInteger();

  private FaultInjection() {}

  static void maybeFailFirstAttempt(RunSpec spec) {
    TaskContext task = TaskContext.get();
    if (Boolean.getBoolean(FAIL_FIRST_ATTEMPT) && task != null && task.attemptNumber() == 0) {
      INJECTED.incrementAndGet();
      throw new IllegalStateException("injected failure of the first attempt of " + spec.runKey());
    }
  }

  static void maybeRunOutOfMemory(int step) {
    if (Integer.getInteger(OOM_AT_STEP, -1) == step) {
      INJECTED.incrementAndGet();
      throw new OutOfMemoryError("injected: out of memory at step " + step);
    }
  }
}
