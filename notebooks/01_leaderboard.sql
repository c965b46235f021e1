-- Databricks notebook source
-- MAGIC %md
-- MAGIC # SMC-Bench leaderboard
-- MAGIC Reads the tables the `aggregate` job writes. Run `smc-bench run` (or the nightly job) first.

-- COMMAND ----------

SELECT dataset, model, method, timing, target_sparsity, n_seeds, metric_mean, metric_std, dense_mean, diff_to_dense, matching
FROM smc.leaderboard
ORDER BY dataset, model, target_sparsity, method

-- COMMAND ----------

-- Every run, including failed ones with their error.
SELECT run_key, method, target_sparsity, actual_sparsity, seed, metric_name, metric_value, status, error_class, wall_seconds, device, code_version, finished_at
FROM smc.runs
ORDER BY finished_at DESC

-- COMMAND ----------

-- Layerwise sparsity of every run, in model order.
SELECT r.method, r.target_sparsity, l.position, l.parameter, l.module_kind, l.layer, l.sparsity
FROM smc.layer_sparsity l JOIN smc.runs r ON l.run_key = r.run_key
ORDER BY r.method, r.target_sparsity, l.position
