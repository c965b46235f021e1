package org.smcbench.sweep;

import java.io.PrintStream;
import org.smcbench.results.RunRecord;

/** Prints one line per finished configuration: count, outcome, metric, time, and an ETA. */
final class Progress {
  private final int total;
  private final PrintStream out;
  private final long started = System.nanoTime();
  private int done;
  private int succeeded;
  private int failed;
  private final java.util.List<String> failures = new java.util.ArrayList<>();

  Progress(int total, PrintStream out) {
    this.total = total;
    this.out = out;
  }

  synchronized void done(RunRecord r) {
    done++;
    if (r.succeeded()) {
      succeeded++;
    } else {
      failed++;
      failures.add(describe(r) + " (" + r.runKey() + "): " + r.errorClass() + ": " + r.error()
          + (r.failedStep() == null ? "" : " [step " + r.failedStep() + "]"));
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    double eta = done == 0 ? 0 : elapsed / done * (total - done);
    String result = r.succeeded()
        ? String.format("%s=%.4f sparsity=%.4f", r.metricName(), r.metricValue(), r.actualSparsity())
        : "FAILED " + r.errorClass() + ": " + r.error();
    out.printf("[%d/%d] %s %s | %s | %.0f s | elapsed %s, ETA %s%n", done, total, r.status(),
        describe(r), result, r.wallSeconds(), clock(elapsed), clock(eta));
    out.flush();
  }

  private static String describe(RunRecord r) {
    String data = r.fold() == null || r.fold().isEmpty() ? r.dataset() : r.dataset() + "/fold" + r.fold();
    return "none".equals(r.timing())
        ? String.format("%s %s %s seed=%d", r.method(), data, r.model(), r.seed())
        : String.format("%s%s %s %s s=%.3f seed=%d", r.method(), SweepJob.scopeSuffix(r.scope()), data, r.model(),
            r.targetSparsity(), r.seed());
  }

  synchronized int succeeded() {
    return succeeded;
  }

  synchronized int failed() {
    return failed;
  }

  /** One line per failed configuration: what it was, its key, the error and the step. */
  synchronized java.util.List<String> failures() {
    return java.util.List.copyOf(failures);
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format("%d:%02d", s / 60, s % 60);
  }
}
