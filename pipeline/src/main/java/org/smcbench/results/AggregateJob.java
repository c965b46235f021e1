package org.smcbench.results;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Aggregation: {@code smc.leaderboard} = per dataset × model × method × target sparsity, the
 * metric's mean and standard deviation over seeds, the dense baseline, the difference to it and
 * whether the sparse result still matches dense (mean ≥ dense − tolerance).
 */
public final class AggregateJob {
  private AggregateJob() {}

  public static Dataset<Row> run(Warehouse warehouse, double tolerance) {
    if (!warehouse.exists(Tables.RUNS)) {
      throw new IllegalStateException("table " + warehouse.qualified(Tables.RUNS)
          + " does not exist: run `smc-bench sweep` first");
    }
    warehouse.read(Tables.RUNS).where("status = 'succeeded'").createOrReplaceTempView("smc_succeeded_runs");
    Dataset<Row> board = warehouse.spark().sql(String.format(java.util.Locale.ROOT, """
        WITH cells AS (
          SELECT task, dataset, model, method, first(timing) AS timing, target_sparsity, first(metric_name) AS metric_name,
                 count(*) AS n_seeds, avg(metric_value) AS metric_mean, stddev_samp(metric_value) AS metric_std,
                 avg(actual_sparsity) AS actual_sparsity
          FROM smc_succeeded_runs
          GROUP BY task, dataset, model, method, target_sparsity),
        dense AS (
          SELECT dataset, model, metric_mean AS dense_mean, metric_std AS dense_std
          FROM cells WHERE method = 'dense')
        SELECT c.task, c.dataset, c.model, c.method, c.timing, c.target_sparsity, c.actual_sparsity, c.metric_name,
               c.n_seeds, c.metric_mean, c.metric_std, d.dense_mean, d.dense_std,
               c.metric_mean - d.dense_mean AS diff_to_dense,
               CASE WHEN d.dense_mean IS NULL THEN NULL ELSE c.metric_mean >= d.dense_mean - %f END AS matching,
               %f AS matching_tolerance
        FROM cells c LEFT JOIN dense d ON c.dataset = d.dataset AND c.model = d.model
        ORDER BY c.dataset, c.model, c.target_sparsity, c.method
        """, tolerance, tolerance));
    warehouse.overwrite(Tables.LEADERBOARD, board);
    return warehouse.read(Tables.LEADERBOARD)
        .orderBy("dataset", "model", "target_sparsity", "method");
  }
}
