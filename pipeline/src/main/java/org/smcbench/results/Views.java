package org.smcbench.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL views for the common questions, created in the warehouse's database next to the tables
 * (on Databricks/Hive they persist in the metastore; locally they live in the session's catalog
 * and are re-created whenever the tables are registered).
 */
public final class Views {
  /** View name → (tables it needs, query over {@code <db>.<table>}; {@code %1$s} is the database). */
  private static final Map<String, Map.Entry<List<String>, String>> VIEWS = new LinkedHashMap<>();

  static {
    VIEWS.put("method_ranking", Map.entry(List.of(Tables.MATCHING_SPARSITY), """
        SELECT task, dataset, model, auc_rank, method, timing, metric_name, auc, max_sparsity,
               highest_matching_sparsity, lowest_failing_sparsity, dense_mean
        FROM %1$s.matching_sparsity"""));
    VIEWS.put("latest_leaderboard", Map.entry(List.of(Tables.LEADERBOARD), """
        SELECT * FROM %1$s.leaderboard
        WHERE last_finished_at >= (SELECT max(last_finished_at) - INTERVAL 1 DAY FROM %1$s.leaderboard)"""));
    VIEWS.put("failed_runs", Map.entry(List.of(Tables.RUNS), """
        SELECT run_key, task, dataset, model, method, target_sparsity, seed, error_class, error, failed_step,
               wall_seconds, executor_id, code_version, finished_at
        FROM %1$s.runs WHERE status = 'failed'"""));
  }

  private Views() {}

  /** The view names, for documentation and tests. */
  public static List<String> names() {
    return List.copyOf(VIEWS.keySet());
  }

  /** (Re-)creates every view whose tables exist. */
  public static void createAll(Warehouse warehouse) {
    VIEWS.forEach((name, spec) -> {
      if (spec.getKey().stream().allMatch(warehouse::exists)) {
        try {
          warehouse.spark().sql("CREATE OR REPLACE VIEW " + warehouse.qualified(name) + " AS "
              + spec.getValue().formatted(warehouse.database()));
        } catch (Exception e) {
          // Spark's AnalysisException (checked in Scala, so not declared): a table written by an older
          // version lacks a column. The next aggregate rewrites it and the view with it.
          if (!(e instanceof org.apache.spark.sql.AnalysisException a)) {
            throw e;
          }
          System.err.println("view " + warehouse.qualified(name) + " not created: " + a.getSimpleMessage());
        }
      }
    });
  }
}
