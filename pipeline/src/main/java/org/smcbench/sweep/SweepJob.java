package org.smcbench.sweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.resource.ResourceProfile;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.RunSpec;
import org.smcbench.config.Secrets;
import org.smcbench.config.Settings;
import org.smcbench.data.SplitLoader;
import org.smcbench.data.SplitLoaders;
import org.smcbench.results.ResultsStore;
import org.smcbench.results.RunOutcome;
import org.smcbench.results.RunRecord;
import org.smcbench.results.Warehouse;
import org.smcbench.sparsity.SparsityMethods;

/**
 * The sweep: expand the grid, drop runs already recorded, run dense parents first (wave 1) and
 * the rest after (wave 2), one configuration per Spark task, recording each result the moment it
 * arrives so a killed sweep resumes where it stopped. New configurations' rows are appended (their
 * keys are in no table: orphaned detail rows of a killed sweep are removed first); re-runs MERGE.
 */
public final class SweepJob {
  /**
   * What to do with runs that already have a row: re-run the failed ones, those another code
   * version recorded (the nightly's rule), or all. A configuration without a row always runs.
   */
  public record Rerun(boolean failed, boolean codeChanged, boolean all) {
    public static final Rerun NONE = new Rerun(false, false, false);
    public static final Rerun FAILED = new Rerun(true, false, false);
    /** New configurations and those whose stored code version differs from this sweep's. */
    public static final Rerun CODE_CHANGED = new Rerun(false, true, false);
    public static final Rerun ALL = new Rerun(true, true, true);

    public Rerun withFailed() {
      return new Rerun(true, codeChanged, all);
    }

    /** Whether a configuration with this row ({@code null}: none) runs under a sweep of {@code codeVersion}. */
    public boolean runs(ResultsStore.Recorded row, String codeVersion) {
      return row == null || all
          || (failed && RunRecord.FAILED.equals(row.status()))
          || (codeChanged && !codeVersion.equals(row.codeVersion()));
    }
  }

  /** Counts for the summary line and the exit code. */
  public record Summary(int planned, int skipped, int succeeded, int failed) {}

  /**
   * Driver-side cost of one launched configuration: the Spark job from submission to the collected
   * result, and the MERGE of its rows; its records carry the executor-side phases.
   */
  public record LaunchTiming(RunSpec spec, double jobSeconds, double recordSeconds, List<RunRecord> records) {}

  private final Settings settings;
  private final Warehouse warehouse;
  private final ResultsStore store;
  private final PrintStream out;
  private final String codeVersion;
  private final List<LaunchTiming> timings = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Double> inputSeconds = new java.util.concurrent.ConcurrentHashMap<>();
  /** Run keys with a row in {@code runs} when this sweep started (after removing orphan details). */
  private Set<String> recordedAtStart = Set.of();
  /** The training stages' GPU request under compute.device = gpu on a cluster; empty otherwise. */
  private Optional<ResourceProfile> trainingProfile = Optional.empty();

  public SweepJob(Settings settings, Warehouse warehouse, PrintStream out, String codeVersion) {
    this.settings = settings;
    this.warehouse = warehouse;
    this.store = new ResultsStore(warehouse);
    this.out = out;
    this.codeVersion = codeVersion;
  }

  public Summary run(Rerun rerun) {
    List<RunSpec> all = SweepPlanner.expand(settings);
    trainingProfile = GpuScheduling.trainingProfile(settings.compute().device(), warehouse.spark().sparkContext());
    trainingProfile.ifPresent(p -> out.printf("sweep: each training task requests %s (stage-level scheduling)%n",
        GpuScheduling.describe(p)));
    Map<String, ResultsStore.Recorded> recorded = store.recorded();
    recordedAtStart = Set.copyOf(recorded.keySet());
    int orphans = store.removeOrphanDetails(recordedAtStart);
    if (orphans > 0) {
      out.printf("sweep: removed layer/mask rows of %d run(s) an earlier sweep was killed before recording%n", orphans);
    }
    List<RunSpec> pending = new ArrayList<>();
    int otherCode = 0;
    for (RunSpec spec : all) {
      ResultsStore.Recorded row = recorded.get(spec.runKey());
      if (rerun.runs(row, codeVersion)) {
        pending.add(spec);
        if (row != null && !codeVersion.equals(row.codeVersion())) {
          otherCode++;
        }
      }
    }
    int skipped = all.size() - pending.size();
    out.printf("sweep: %d configurations, %d already recorded, %d to run%s%n", all.size(), skipped, pending.size(),
        rerun.codeChanged() && !rerun.all() ? " (" + otherCode + " recorded by another code version than " + codeVersion + ")" : "");
    List<RunSpec> jobs = SweepPlanner.collapseRounds(all, pending);
    List<RunSpec> wave1 = jobs.stream().filter(RunSpec::isDense).toList();
    List<RunSpec> wave2 = jobs.stream().filter(s -> !s.isDense()).toList();
    int expected = jobs.stream().mapToInt(SweepPlanner::outcomesOf).sum();
    Progress progress = new Progress(expected, out);
    runWave(wave1, progress);
    runWave(wave2, progress);
    // Skipped counts configurations of the grid; succeeded and failed count runs, which include the
    // intermediate rounds of an iterative chain that the grid does not list.
    out.printf("sweep done: %d succeeded, %d failed, %d skipped (already recorded)%n",
        progress.succeeded(), progress.failed(), skipped);
    if (progress.failed() > 0) {
      out.println("failed configurations (recorded in runs with status 'failed'; re-run with --rerun-failed):");
      progress.failures().forEach(line -> out.println("  " + line));
    }
    return new Summary(all.size(), skipped, progress.succeeded(), progress.failed());
  }

  private void runWave(List<RunSpec> wave, Progress progress) {
    if (wave.isEmpty()) {
      return;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext());
    Map<String, Broadcast<RunInputs>> inputs = new HashMap<>();
    Map<String, String> statuses = store.statuses();
    int concurrency = concurrency(jsc);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      // Every input of the wave first: reading one needs a task slot, which a running training
      // would hold until it finishes.
      for (RunSpec spec : wave) {
        inputs.computeIfAbsent(dataKey(spec), k -> {
          long t0 = System.nanoTime();
          Broadcast<RunInputs> b = jsc.broadcast(loadInputs(spec));
          inputSeconds.merge(k, (System.nanoTime() - t0) / 1e9, Double::sum);
          return b;
        });
      }
      Map<RunSpec, Future<List<RunOutcome>>> futures = new LinkedHashMap<>();
      for (RunSpec spec : wave) {
        Broadcast<RunInputs> in = inputs.get(dataKey(spec));
        if (SweepPlanner.needsDenseParent(spec)
            && !RunRecord.SUCCEEDED.equals(statuses.get(spec.denseParent().runKey()))) {
          List<RunOutcome> skipped = SweepPlanner.outcomeSpecs(spec).stream()
              .map(s -> RunExecutor.failed(s, SparsityMethods.create(s.method(), s.methodParams()), in.value(),
                  new IllegalStateException("dense parent " + s.denseParent().runKey() + " has not succeeded"),
                  0, 0, "none"))
              .toList();
          store.record(skipped, isFresh(skipped));
          skipped.forEach(o -> progress.done(o.run()));
          continue;
        }
        futures.put(spec, pool.submit(() -> runOne(jsc, spec, in, progress)));
      }
      for (Future<List<RunOutcome>> f : futures.values()) {
        get(f);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs one spec as its own Spark job of one task, records its outcomes as soon as they are back and
   * reports them (from this thread, so progress lines appear in completion order).
   */
  private List<RunOutcome> runOne(JavaSparkContext jsc, RunSpec spec, Broadcast<RunInputs> in, Progress progress) {
    jsc.setJobGroup(spec.runKey(), describe(spec), false);
    out.printf("running %s (%s)%n", describe(spec), spec.runKey());
    List<RunOutcome> outcomes;
    long submitted = System.nanoTime();
    try {
      JavaRDD<RunSpec> stage = jsc.parallelize(List.of(spec), 1);
      if (trainingProfile.isPresent()) {
        stage = stage.withResources(trainingProfile.get());
      }
      outcomes = stage.map(new ExecuteRun(in)).collect().get(0);
    } catch (Exception e) {
      // The Spark task itself failed (after its retries): every run it owed is recorded as failed.
      outcomes = SweepPlanner.outcomeSpecs(spec).stream()
          .map(s -> RunExecutor.failed(s, SparsityMethods.create(s.method(), s.methodParams()), in.value(), e, 0, 0,
              "unknown"))
          .toList();
    }
    long collected = System.nanoTime();
    store.record(outcomes, isFresh(outcomes));
    timings.add(new LaunchTiming(spec, (collected - submitted) / 1e9, (System.nanoTime() - collected) / 1e9,
        outcomes.stream().map(RunOutcome::run).toList()));
    outcomes.forEach(o -> progress.done(o.run()));
    return outcomes;
  }

  /** Whether none of the outcomes' run keys had any row when the sweep started: then they are appended. */
  private boolean isFresh(List<RunOutcome> outcomes) {
    return outcomes.stream().noneMatch(o -> recordedAtStart.contains(o.run().runKey()));
  }

  /** What each configuration launched by this job cost on the driver, in launch order of completion. */
  public List<LaunchTiming> timings() {
    synchronized (timings) {
      return List.copyOf(timings);
    }
  }

  /** Seconds spent reading each input (dataset, model tokenizer) from Delta and broadcasting it, once per sweep. */
  public Map<String, Double> inputSeconds() {
    return Map.copyOf(inputSeconds);
  }

  private RunInputs loadInputs(RunSpec spec) {
    DatasetSettings dataset = settings.dataset(spec.dataset());
    SplitLoader.RunData data = SplitLoaders.forTask(spec.task()).load(warehouse, dataset, spec);
    double chance = data.reference() != null ? data.reference() : dataset.chance();
    return new RunInputs(data.train(), data.eval(), warehouse.root(), settings.compute().device(),
        settings.compute().threads(), codeVersion, Secrets.render(settings.resolved()), chance);
  }

  private static String dataKey(RunSpec spec) {
    return spec.dataset() + "|" + spec.fold() + "|" + spec.model().name() + "|" + spec.training().maxTrainExamples() + "|"
        + spec.training().maxEvalExamples() + "|" + spec.evalSplit();
  }

  private int concurrency(JavaSparkContext jsc) {
    if (settings.sweep().concurrency() > 0) {
      return settings.sweep().concurrency();
    }
    int taskCpus = Integer.parseInt(jsc.getConf().get("spark.task.cpus", "1"));
    return Math.max(1, jsc.sc().defaultParallelism() / taskCpus);
  }

  static String describe(RunSpec spec) {
    String data = spec.fold().isEmpty() ? spec.dataset() : spec.dataset() + "/fold" + spec.fold();
    return spec.isDense()
        ? String.format("%s %s %s seed=%d", spec.method(), data, spec.model().name(), spec.seed())
        : String.format("%s%s %s %s s=%.3f seed=%d", spec.method(), scopeSuffix(spec.scope()), data,
            spec.model().name(), spec.targetSparsity(), spec.seed());
  }

  /** " @attention_q" for a run pruning one module kind (the derived tables' name for it), else "". */
  static String scopeSuffix(String scope) {
    return org.smcbench.sparsity.PruningScope.isModuleScope(scope) ? " @" + scope : "";
  }

  private static List<RunOutcome> get(Future<List<RunOutcome>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("recording a run failed", e.getCause());
    }
  }

  /** The Spark task: runs the spec on the executor with the broadcast inputs. */
  static final class ExecuteRun implements Function<RunSpec, List<RunOutcome>> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<RunInputs> inputs;

    ExecuteRun(Broadcast<RunInputs> inputs) {
      this.inputs = inputs;
    }

    @Override
    public List<RunOutcome> call(RunSpec spec) {
      FaultInjection.maybeFailFirstAttempt(spec);
      return new java.util.ArrayList<>(RunExecutor.execute(spec, inputs.value()));
    }
  }
}
