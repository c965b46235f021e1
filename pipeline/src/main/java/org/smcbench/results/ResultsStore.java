package org.smcbench.results;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Run results in Delta: MERGE on run_key (and parameter for layer and mask rows), reads for resume. */
public final class ResultsStore {
  static final StructType RUN_SCHEMA = new StructType()
      .add("run_key", DataTypes.StringType, false)
      .add("task", DataTypes.StringType, false)
      .add("dataset", DataTypes.StringType, false)
      .add("fold", DataTypes.StringType, false)
      .add("model", DataTypes.StringType, false)
      .add("method", DataTypes.StringType, false)
      .add("timing", DataTypes.StringType, false)
      .add("target_sparsity", DataTypes.DoubleType, false)
      .add("actual_sparsity", DataTypes.DoubleType, true)
      .add("seed", DataTypes.IntegerType, false)
      .add("selection", DataTypes.StringType, false)
      .add("scope", DataTypes.StringType, false)
      .add("metric_name", DataTypes.StringType, false)
      .add("metric_value", DataTypes.DoubleType, true)
      .add("chance", DataTypes.DoubleType, true)
      .add("metrics", DataTypes.StringType, true)
      .add("status", DataTypes.StringType, false)
      .add("error_class", DataTypes.StringType, true)
      .add("error", DataTypes.StringType, true)
      .add("failed_step", DataTypes.IntegerType, true)
      .add("train_steps", DataTypes.IntegerType, false)
      .add("final_loss", DataTypes.DoubleType, true)
      .add("wall_seconds", DataTypes.DoubleType, false)
      .add("phase_seconds", DataTypes.StringType, true)
      .add("device", DataTypes.StringType, false)
      .add("executor_id", DataTypes.StringType, true)
      .add("code_version", DataTypes.StringType, false)
      .add("input_version", DataTypes.LongType, false)
      .add("parent_run_key", DataTypes.StringType, true)
      .add("config", DataTypes.StringType, false)
      .add("finished_at", DataTypes.TimestampType, false);

  static final StructType LAYER_SCHEMA = new StructType()
      .add("run_key", DataTypes.StringType, false)
      .add("position", DataTypes.IntegerType, false)
      .add("parameter", DataTypes.StringType, false)
      .add("layer", DataTypes.IntegerType, false)
      .add("module_kind", DataTypes.StringType, false)
      .add("numel", DataTypes.LongType, false)
      .add("zeros", DataTypes.LongType, false)
      .add("sparsity", DataTypes.DoubleType, false);

  static final StructType MASK_SCHEMA = new StructType()
      .add("run_key", DataTypes.StringType, false)
      .add("position", DataTypes.IntegerType, false)
      .add("parameter", DataTypes.StringType, false)
      .add("numel", DataTypes.LongType, false)
      .add("kept", DataTypes.LongType, false)
      .add("bits", DataTypes.BinaryType, false);

  /** Name of the threads that write the detail tables of one {@link #record} call. */
  static final String WRITER_THREAD = "smc-results-writer";

  private static final long SLICE_BYTES = 512 * 1024;

  private final Warehouse warehouse;

  public ResultsStore(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Upserts the runs and their layer and mask rows (MERGE). Safe to call again with the same outcomes. */
  public void record(List<RunOutcome> outcomes) {
    record(outcomes, false);
  }

  /**
   * Records outcomes; {@code fresh} says no row of any table has their run keys yet (a sweep's new
   * configurations, after {@link #removeOrphanDetails}), so the rows are appended instead of
   * MERGEd, which is an order of magnitude cheaper. Otherwise (re-runs) rows are replaced by MERGE.
   */
  public synchronized void record(List<RunOutcome> outcomes, boolean fresh) {
    if (outcomes.isEmpty()) {
      return;
    }
    List<Row> runs = new ArrayList<>();
    List<Row> layers = new ArrayList<>();
    List<Row> masks = new ArrayList<>();
    long maskBytes = 0;
    for (RunOutcome o : outcomes) {
      for (MaskRecord m : o.masks()) {
        maskBytes += m.bits().length;
        masks.add(RowFactory.create(m.runKey(), m.position(), m.parameter(), m.numel(), m.kept(), m.bits()));
      }
      runs.add(runRow(o.run()));
      for (LayerRecord l : o.layers()) {
        layers.add(RowFactory.create(l.runKey(), l.position(), l.parameter(), l.layer(), l.moduleKind(), l.numel(),
            l.zeros(), l.sparsity()));
      }
    }
    var spark = warehouse.spark();
    // The run rows go last: they are what a resumed sweep reads as "done", so a kill before them
    // re-runs the configuration, whose layer and mask rows are then replaced. The detail tables are
    // independent Delta tables and are written concurrently (their planning overlaps on the driver).
    // Threads of this call only, ended with it: a pool kept across calls keeps each thread's
    // inherited active session, the session of the command that started it, which is stopped
    // once a later command in the same JVM (an in-process test) has its own.
    ExecutorService writers = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, WRITER_THREAD);
      t.setDaemon(true);
      return t;
    });
    try {
      List<CompletableFuture<Void>> details = new ArrayList<>();
      if (!layers.isEmpty()) {
        details.add(CompletableFuture.runAsync(inSession(() -> write(Tables.LAYER_SPARSITY,
            spark.createDataFrame(layers, LAYER_SCHEMA), List.of("run_key", "parameter"), fresh)), writers));
      }
      if (!masks.isEmpty()) {
        long bytes = maskBytes;
        details.add(CompletableFuture.runAsync(inSession(() -> write(Tables.MASKS,
            spark.createDataFrame(inSlices(masks, bytes), MASK_SCHEMA), List.of("run_key", "parameter"), fresh)),
            writers));
      }
      CompletableFuture.allOf(details.toArray(new CompletableFuture[0])).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } finally {
      writers.shutdown();
      awaitQuietly(writers);
    }
    write(Tables.RUNS, spark.createDataFrame(runs, RUN_SCHEMA), List.of("run_key"), fresh);
  }

  /** {@code write} with this warehouse's session as the thread's active one (what Spark and Delta fall back to). */
  private Runnable inSession(Runnable write) {
    SparkSession spark = warehouse.spark();
    return () -> {
      SparkSession.setActiveSession(spark);
      try {
        write.run();
      } finally {
        SparkSession.clearActiveSession();
      }
    };
  }

  /** Waits for the writer threads to end (their tasks are done; only the threads' exit is left). */
  private static void awaitQuietly(ExecutorService writers) {
    try {
      writers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(String table, Dataset<Row> rows, List<String> keys, boolean fresh) {
    if (fresh && warehouse.exists(table)) {
      warehouse.append(table, rows);
    } else {
      warehouse.upsert(table, rows, keys);
    }
  }

  /**
   * Deletes layer and mask rows whose run has no row in {@code runs}: what a sweep killed between
   * writing a configuration's details and its run row leaves behind. Afterwards every run key
   * absent from {@code runs} is absent everywhere, which is what {@code record(.., fresh)} needs.
   * {@code recorded} is the set of run keys in {@code runs} (the caller has just read
   * {@link #statuses()}). Returns how many run keys were cleaned.
   */
  public int removeOrphanDetails(Set<String> recorded) {
    Set<String> orphans = new TreeSet<>();
    for (String table : List.of(Tables.LAYER_SPARSITY, Tables.MASKS)) {
      if (warehouse.exists(table)) {
        for (Row r : warehouse.read(table).select("run_key").distinct().collectAsList()) {
          if (!recorded.contains(r.getString(0))) {
            orphans.add(r.getString(0));
          }
        }
      }
    }
    for (String table : List.of(Tables.LAYER_SPARSITY, Tables.MASKS)) {
      warehouse.deleteWhereIn(table, "run_key", List.copyOf(orphans));
    }
    return orphans.size();
  }

  /**
   * The rows as an RDD of slices of about {@link #SLICE_BYTES} each: a local list becomes one task
   * holding all of it, and a model's bitsets are megabytes (Spark warns above 1 MB per task).
   */
  private JavaRDD<Row> inSlices(List<Row> rows, long bytes) {
    int slices = (int) Math.max(1, Math.min(rows.size(), (bytes + SLICE_BYTES - 1) / SLICE_BYTES));
    return JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext())
        .parallelize(rows, slices);
  }

  /** What a resumed sweep needs of a recorded run: its status and the code version that produced it. */
  public record Recorded(String status, String codeVersion) {}

  /** Status and code version of every recorded run, by key. */
  public Map<String, Recorded> recorded() {
    Map<String, Recorded> out = new HashMap<>();
    if (!warehouse.exists(Tables.RUNS)) {
      return out;
    }
    for (Row r : warehouse.read(Tables.RUNS).select(col("run_key"), col("status"), col("code_version")).collectAsList()) {
      out.put(r.getString(0), new Recorded(r.getString(1), r.getString(2)));
    }
    return out;
  }

  /** Status of every recorded run, by key. */
  public Map<String, String> statuses() {
    Map<String, String> out = new HashMap<>();
    if (!warehouse.exists(Tables.RUNS)) {
      return out;
    }
    for (Row r : warehouse.read(Tables.RUNS).select(col("run_key"), col("status")).collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  private static Row runRow(RunRecord r) {
    return RowFactory.create(r.runKey(), r.task(), r.dataset(), r.fold(), r.model(), r.method(), r.timing(),
        r.targetSparsity(), r.actualSparsity(), r.seed(), r.selection(), r.scope(), r.metricName(),
        r.metricValue(), r.chance(), r.metricsJson(), r.status(), r.errorClass(), r.error(), r.failedStep(), r.trainSteps(),
        r.finalLoss(), r.wallSeconds(), r.phaseSecondsJson(), r.device(), r.executorId(), r.codeVersion(), r.inputVersion(),
        r.parentRunKey(), r.configJson(), new Timestamp(r.finishedAtMillis()));
  }
}
