package org.smcbench.sweep;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.smcbench.results.RunRecord;

/**
 * Where a sweep's time goes, per launched configuration: Spark scheduling (job wall time on the
 * driver minus the executor's run time), the executor's phases (model build, start weights,
 * masks, training, evaluation, checkpoint), the result MERGE, and each configuration's share of
 * reading and broadcasting the inputs. Two shares: everything but training, and the pipeline's own
 * overhead, everything but training and evaluation (the model's compute, which the pipeline can
 * make cheaper but not remove). Costs paid once are shared by the configurations that use them, so
 * the columns still add up to the sweep's time: reading the inputs over the sweep's configurations,
 * an executor's first build of a model (engine start, checkpoint read) over the configurations that
 * executor ran.
 */
public final class SweepBreakdown {
  /** The columns, in print order; "train" is the only one that is not overhead. */
  public static final List<String> PHASES;
  /** The phases the executor times (the rest are taken on the driver). */
  private static final List<String> EXECUTOR_PHASES = List.of(PhaseClock.FIRST_BUILD, PhaseClock.BUILD,
      "start_weights", "masks", "train", "eval", "checkpoint");

  static {
    List<String> phases = new ArrayList<>(List.of("scheduling", "inputs"));
    phases.addAll(EXECUTOR_PHASES);
    phases.add("record");
    PHASES = List.copyOf(phases);
  }

  /** One configuration's seconds per phase. */
  public record Row(String label, Map<String, Double> seconds) {
    public double total() {
      return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Share of the configuration's time that is not training. */
    public double overheadShare() {
      double total = total();
      return total == 0 ? 0 : (total - seconds.getOrDefault("train", 0.0)) / total;
    }

    /**
     * Share that is neither training nor evaluation: what the pipeline adds around the model's own
     * compute (scheduling, inputs, build, start weights, masks, checkpoint, result write).
     */
    public double pipelineShare() {
      double total = total();
      return total == 0 ? 0
          : (total - seconds.getOrDefault("train", 0.0) - seconds.getOrDefault("eval", 0.0)) / total;
    }
  }

  private SweepBreakdown() {}

  public static List<Row> rows(List<SweepJob.LaunchTiming> timings, double inputSecondsTotal) {
    double inputsEach = timings.isEmpty() ? 0 : inputSecondsTotal / timings.size();
    Map<String, Double> firstBuilds = firstBuildSeconds(timings);
    Map<String, Long> launches = launchesPerExecutor(timings);
    List<Row> rows = new ArrayList<>();
    for (SweepJob.LaunchTiming t : timings) {
      Map<String, Double> s = new LinkedHashMap<>();
      for (String phase : PHASES) {
        s.put(phase, 0.0);
      }
      double executor = 0;
      for (RunRecord r : t.records()) {
        executor += r.wallSeconds();
        phases(r).forEach((phase, seconds) -> s.merge(phase, seconds, Double::sum));
      }
      // The executor's wall time not covered by a named phase (scope selection, ...) is counted
      // as build time, so the columns add up to what the driver waited.
      double named = EXECUTOR_PHASES.stream().mapToDouble(s::get).sum();
      s.merge(PhaseClock.BUILD, Math.max(0, executor - named), Double::sum);
      s.put("scheduling", Math.max(0, t.jobSeconds() - executor));
      s.put("record", t.recordSeconds());
      s.put("inputs", inputsEach);
      // this launch's own first build (counted in `named` above) is replaced by its share
      String on = executor(t);
      s.put(PhaseClock.FIRST_BUILD, firstBuilds.getOrDefault(on, 0.0) / launches.get(on));
      rows.add(new Row(SweepJob.describe(t.spec()), s));
    }
    return rows;
  }

  /** Seconds of first builds per executor: paid once there, whichever configuration paid them. */
  static Map<String, Double> firstBuildSeconds(List<SweepJob.LaunchTiming> timings) {
    Map<String, Double> out = new TreeMap<>();
    for (SweepJob.LaunchTiming t : timings) {
      for (RunRecord r : t.records()) {
        Double first = phases(r).get(PhaseClock.FIRST_BUILD);
        if (first != null) {
          out.merge(executor(t), first, Double::sum);
        }
      }
    }
    return out;
  }

  private static Map<String, Long> launchesPerExecutor(List<SweepJob.LaunchTiming> timings) {
    Map<String, Long> out = new TreeMap<>();
    for (SweepJob.LaunchTiming t : timings) {
      out.merge(executor(t), 1L, Long::sum);
    }
    return out;
  }

  /** The executor a launch ran on (one Spark task: one executor); "driver" when none ran. */
  private static String executor(SweepJob.LaunchTiming t) {
    return t.records().stream().map(RunRecord::executorId).filter(java.util.Objects::nonNull).findFirst()
        .orElse("driver");
  }

  private static Map<String, Double> phases(RunRecord r) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (r.phaseSecondsJson() != null) {
      JsonObject phases = JsonParser.parseString(r.phaseSecondsJson()).getAsJsonObject();
      for (String phase : phases.keySet()) {
        out.put(phase, phases.get(phase).getAsDouble());
      }
    }
    return out;
  }

  public static void print(List<Row> rows, PrintStream out) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-44s", "configuration"));
    for (String phase : PHASES) {
      header.append(String.format(Locale.ROOT, " %11s", phase));
    }
    out.println(header.append(String.format(Locale.ROOT, " %9s %12s %9s", "total", "not-training", "pipeline")));
    for (Row r : rows) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s", r.label()));
      for (String phase : PHASES) {
        line.append(String.format(Locale.ROOT, " %11.2f", r.seconds().get(phase)));
      }
      out.println(line.append(String.format(Locale.ROOT, " %9.2f %11.1f%% %8.1f%%", r.total(), 100 * r.overheadShare(),
          100 * r.pipelineShare())));
    }
    if (!rows.isEmpty()) {
      double[] shares = rows.stream().mapToDouble(Row::overheadShare).sorted().toArray();
      out.printf(Locale.ROOT, "not training (everything but train) per configuration: median %.1f %%, max %.1f %%%n",
          100 * median(shares), 100 * shares[shares.length - 1]);
      double[] pipeline = rows.stream().mapToDouble(Row::pipelineShare).sorted().toArray();
      out.printf(Locale.ROOT, "pipeline overhead (neither train nor eval) per configuration: median %.1f %%, max %.1f %%"
          + " (target < 5 %%)%n", 100 * median(pipeline), 100 * pipeline[pipeline.length - 1]);
    }
  }

  /** The costs paid once that the rows share: the inputs over the sweep, each executor's first builds over its runs. */
  public static void printOnceCosts(List<SweepJob.LaunchTiming> timings, double inputSecondsTotal, PrintStream out) {
    Map<String, Long> launches = launchesPerExecutor(timings);
    StringBuilder firsts = new StringBuilder();
    firstBuildSeconds(timings).forEach((executor, seconds) -> firsts.append(String.format(Locale.ROOT,
        "; first build on executor %s %.2f s over its %d", executor, seconds, launches.get(executor))));
    out.printf(Locale.ROOT, "paid once, shared by the rows above: inputs %.2f s over the sweep's %d configurations%s%n",
        inputSecondsTotal, timings.size(), firsts);
  }

  /** Median of values sorted ascending. */
  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
