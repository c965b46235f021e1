package org.smcbench.results;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code smc.leaderboard}: per dataset × model × method × target sparsity, the metric's mean and
 * standard deviation over seeds (and folds, for cross-validated datasets; {@code smc.leaderboard_folds}
 * keeps one row per fold); a 95 % interval (accuracies: Wilson on the right answers pooled over
 * seeds, with the binomial p-value against chance; other metrics: Student t over seeds, from two
 * seeds on); the dense baseline, the difference to it and whether the sparse result still matches
 * dense (mean ≥ dense − tolerance); when its newest run finished and with which code version.
 */
final class Leaderboard {
  private Leaderboard() {}

  /**
   * Writes {@code smc.leaderboard} (folds pooled: the cross-validated score is the right answers
   * over all folds' dev sets, the mean over folds × seeds) and {@code smc.leaderboard_folds} (one
   * row per fold) from the succeeded runs registered as {@code smc_succeeded_runs}.
   */
  static void write(Warehouse warehouse, double tolerance) {
    if (!warehouse.spark().catalog().functionExists("smc_t975")) { // once per session (re-registering warns)
      registerFunctions(warehouse.spark());
    }
    warehouse.overwrite(Tables.LEADERBOARD, board(warehouse, tolerance, false));
    warehouse.overwrite(Tables.LEADERBOARD_FOLDS, board(warehouse, tolerance, true));
  }

  /** The cells over folds, or per fold ({@code perFold}: the fold is one more grouping key). */
  private static Dataset<Row> board(Warehouse warehouse, double tolerance, boolean perFold) {
    String fold = perFold ? "fold, " : "";
    String cFold = perFold ? "c.fold, " : "";
    String foldJoin = perFold ? " AND c.fold = d.fold" : "";
    // Proportion metrics (accuracy, answer accuracy) also carry the pooled count of right answers
    // over folds and seeds, its Wilson 95 % interval and the one-sided binomial p-value against the
    // dataset's chance level (none when the chance level is 0).
    return warehouse.spark().sql(String.format(java.util.Locale.ROOT, """
        WITH scored AS (
          SELECT *, CAST(get_json_object(metrics, '$.eval_examples') AS BIGINT) AS eval_n,
                 metric_name IN ('accuracy', 'answer_accuracy') AS proportion
          FROM smc_succeeded_runs),
        cells AS (
          SELECT task, dataset, %3$smodel, method, first(timing) AS timing, target_sparsity,
                 first(metric_name) AS metric_name, count(DISTINCT fold) AS n_folds,
                 count(DISTINCT seed) AS n_seeds, count(*) AS n_runs,
                 avg(metric_value) AS metric_mean, stddev_samp(metric_value) AS metric_std,
                 avg(actual_sparsity) AS actual_sparsity,
                 -- folds may differ in their reference level (a per-fold baseline): weigh by examples
                 CASE WHEN first(proportion) THEN sum(chance * eval_n) / sum(eval_n) ELSE first(chance) END AS chance,
                 max(finished_at) AS last_finished_at, max(code_version) AS code_version,
                 CASE WHEN first(proportion) THEN sum(eval_n) END AS eval_examples,
                 CASE WHEN first(proportion) THEN CAST(round(sum(metric_value * eval_n)) AS BIGINT) END
                   AS correct
          FROM scored
          GROUP BY task, dataset, %3$smodel, method, target_sparsity),
        dense AS (
          SELECT dataset, %3$smodel, metric_mean AS dense_mean, metric_std AS dense_std
          FROM cells WHERE method = 'dense'),
        wilson AS (
          SELECT *, correct / eval_examples AS p_hat, %2$f * %2$f / eval_examples AS z2n FROM cells)
        SELECT c.task, c.dataset, %4$sc.model, c.method, c.timing, c.target_sparsity, c.actual_sparsity, c.metric_name,
               c.n_folds, c.n_seeds, c.n_runs, c.metric_mean, c.metric_std,
               CASE WHEN c.correct IS NOT NULL THEN
                 (c.p_hat + c.z2n / 2 - %2$f * sqrt(c.p_hat * (1 - c.p_hat) / c.eval_examples + c.z2n / (4 * c.eval_examples)))
                   / (1 + c.z2n)
               ELSE c.metric_mean - smc_t975(c.n_runs) * c.metric_std / sqrt(c.n_runs) END AS ci95_low,
               CASE WHEN c.correct IS NOT NULL THEN
                 (c.p_hat + c.z2n / 2 + %2$f * sqrt(c.p_hat * (1 - c.p_hat) / c.eval_examples + c.z2n / (4 * c.eval_examples)))
                   / (1 + c.z2n)
               ELSE c.metric_mean + smc_t975(c.n_runs) * c.metric_std / sqrt(c.n_runs) END AS ci95_high,
               c.eval_examples, c.chance, smc_binomial_upper_tail(c.correct, c.eval_examples, c.chance) AS p_vs_chance,
               d.dense_mean, d.dense_std,
               c.metric_mean - d.dense_mean AS diff_to_dense,
               CASE WHEN d.dense_mean IS NULL THEN NULL ELSE c.metric_mean >= d.dense_mean - %1$f END AS matching,
               %1$f AS matching_tolerance, c.last_finished_at, c.code_version
        FROM wilson c LEFT JOIN dense d ON c.dataset = d.dataset AND c.model = d.model%5$s
        ORDER BY c.dataset, %4$sc.model, c.target_sparsity, c.method
        """, tolerance, Significance.Z95, fold, cFold, foldJoin));
  }

  private static void registerFunctions(org.apache.spark.sql.SparkSession spark) {
    spark.udf().register("smc_binomial_upper_tail",
        (UDF3<Long, Long, Double, Double>) (k, n, p) -> k == null || n == null || p == null || n == 0 || p <= 0 ? null
            : Significance.binomialUpperTail(k, n, p), DataTypes.DoubleType);
    spark.udf().register("smc_t975",
        (UDF1<Long, Double>) n -> n == null || n < 2 ? null : Significance.studentT975(n - 1), DataTypes.DoubleType);
  }
}
