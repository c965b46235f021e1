package org.smcbench.results;

/**
 * {@code smc.matching_sparsity}: per dataset × model × sparse method, the highest tested sparsity
 * whose mean still matches dense and the lowest that does not (the paper's "fails at trivial
 * sparsity"), and the area under the metric–sparsity curve: the trapezoid from the dense point at
 * sparsity 0 through every tested sparsity, divided by the largest one, i.e. the curve's mean
 * level. {@code auc_rank} ranks the methods of one dataset and model by it (1 = best). Methods
 * tested over different sparsity ranges are ranked over their own range: {@code max_sparsity}
 * says which.
 */
final class MatchingSparsity {
  private MatchingSparsity() {}

  static void write(Warehouse warehouse) {
    var board = warehouse.spark().sql("""
        WITH sparse AS (
          SELECT * FROM delta.`%s` WHERE method <> 'dense' AND dense_mean IS NOT NULL),
        segments AS (
          SELECT *,
                 (target_sparsity - coalesce(lag(target_sparsity) OVER w, 0.0))
                   * (metric_mean + coalesce(lag(metric_mean) OVER w, dense_mean)) / 2 AS area
          FROM sparse
          WINDOW w AS (PARTITION BY task, dataset, model, method ORDER BY target_sparsity)),
        curves AS (
          SELECT task, dataset, model, method, first(timing) AS timing, first(metric_name) AS metric_name,
                 count(*) AS n_sparsities, max(target_sparsity) AS max_sparsity,
                 max(CASE WHEN matching THEN target_sparsity END) AS highest_matching_sparsity,
                 min(CASE WHEN NOT matching THEN target_sparsity END) AS lowest_failing_sparsity,
                 first(dense_mean) AS dense_mean, sum(area) / max(target_sparsity) AS auc
          FROM segments
          GROUP BY task, dataset, model, method)
        SELECT *, CAST(rank() OVER (PARTITION BY task, dataset, model ORDER BY auc DESC) AS INT) AS auc_rank
        FROM curves
        ORDER BY dataset, model, auc_rank, method
        """.formatted(warehouse.path(Tables.LEADERBOARD).replace("`", "``")));
    warehouse.overwrite(Tables.MATCHING_SPARSITY, board);
  }
}
