-- Databricks notebook source
-- MAGIC %md
-- MAGIC # SMC-Bench leaderboard
-- MAGIC Reads the tables the `aggregate` job writes (`bin/smc-bench run`, or the nightly job, first).
-- MAGIC One row per dataset × model × method × target sparsity; `matching` = mean ≥ dense − tolerance.

-- COMMAND ----------

SELECT dataset, model, method, timing, target_sparsity, n_seeds, metric_name, metric_mean, metric_std,
       ci95_low, ci95_high, p_vs_chance, dense_mean, diff_to_dense, matching
FROM smc.leaderboard
ORDER BY dataset, model, target_sparsity, method

-- COMMAND ----------

-- Cells refreshed by the latest nightly run (the view keeps cells whose newest run finished within a day of the newest).
SELECT dataset, model, method, target_sparsity, metric_mean, last_finished_at, code_version
FROM smc.latest_leaderboard
ORDER BY dataset, model, target_sparsity, method

-- COMMAND ----------

-- Every run, including failed ones with their error.
SELECT run_key, dataset, method, target_sparsity, actual_sparsity, seed, metric_name, metric_value, status,
       error_class, wall_seconds, device, code_version, finished_at
FROM smc.runs
ORDER BY finished_at DESC

-- COMMAND ----------

-- What failed, and why (status 'failed' rows; re-run them with `sweep --rerun-failed`) (may be empty).
SELECT run_key, dataset, method, target_sparsity, seed, error_class, error, failed_step
FROM smc.failed_runs
ORDER BY finished_at DESC
