package org.smcbench.results;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.smcbench.sparsity.PruningScope;

/**
 * The aggregation job: from {@code smc.runs}, {@code smc.layer_sparsity} and {@code smc.masks} it
 * rewrites the derived tables (each overwrite is a new Delta version, so nightly results can be
 * compared with time travel) and the SQL views over them. Generic over tasks: everything is
 * grouped by (task, dataset, model) and carries the run's own metric name.
 */
public final class AggregateJob {
  /** Succeeded runs, as the derived tables' queries name them. */
  static final String SUCCEEDED_RUNS = "smc_succeeded_runs";

  private AggregateJob() {}

  /** Writes every derived table and view; returns the leaderboard, ordered for printing. */
  public static Dataset<Row> run(Warehouse warehouse, double tolerance) {
    if (!warehouse.exists(Tables.RUNS)) {
      throw new IllegalStateException("table " + warehouse.qualified(Tables.RUNS)
          + " does not exist: run `smc-bench sweep` first");
    }
    Dataset<Row> runs = warehouse.read(Tables.RUNS);
    if (!java.util.Arrays.asList(runs.columns()).contains("chance")) {
      runs = runs.withColumn("chance", functions.lit(null).cast("double")); // older warehouses
    }
    // A method under another selection than the default global one (layerwise, an N:M pattern) is
    // its own curve: the derived tables name it "<method> <selection>", e.g. "omp_after 2:4".
    // Likewise a run pruning one module kind (scope "attention_q", "ffn"; the paper's Table 1):
    // "<method> @<scope>". The named scopes are a sweep's main setting and keep the method's name.
    runs.where("status = 'succeeded'")
        .withColumn("method", functions.expr("CASE WHEN method = 'dense' OR selection IS NULL"
            + " OR selection IN ('', 'global') THEN method ELSE concat(method, ' ', selection) END"))
        .withColumn("method", functions.expr("CASE WHEN scope IS NULL OR scope IN ('', '"
            + String.join("', '", PruningScope.MAIN_SETTINGS) + "') THEN method ELSE concat(method, ' @', scope) END"))
        .createOrReplaceTempView(SUCCEEDED_RUNS);
    Leaderboard.write(warehouse, tolerance);
    MatchingSparsity.write(warehouse);
    if (warehouse.exists(Tables.LAYER_SPARSITY)) {
      LayerProfile.write(warehouse);
    }
    if (warehouse.exists(Tables.MASKS)) {
      MaskOverlap.write(warehouse);
    }
    TranslationScores.write(warehouse);
    Views.createAll(warehouse);
    return warehouse.read(Tables.LEADERBOARD).orderBy("dataset", "model", "target_sparsity", "method");
  }
}
