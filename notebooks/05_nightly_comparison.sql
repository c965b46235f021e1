-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Two nightly runs side by side (Delta time travel)
-- MAGIC Every `aggregate` rewrites `smc.leaderboard` as a new Delta version. `DESCRIBE HISTORY` lists them;
-- MAGIC put the version of the earlier night in `VERSION AS OF` below (0 = the first aggregate).

-- COMMAND ----------

DESCRIBE HISTORY smc.leaderboard

-- COMMAND ----------

SELECT coalesce(now.dataset, before.dataset) AS dataset, coalesce(now.model, before.model) AS model,
       coalesce(now.method, before.method) AS method,
       coalesce(now.target_sparsity, before.target_sparsity) AS target_sparsity,
       before.metric_mean AS before_mean, now.metric_mean AS now_mean,
       now.metric_mean - before.metric_mean AS change,
       before.code_version AS before_code, now.code_version AS now_code
FROM smc.leaderboard VERSION AS OF 0 AS before
FULL OUTER JOIN smc.leaderboard AS now
  ON now.dataset = before.dataset AND now.model = before.model AND now.method = before.method
 AND now.target_sparsity = before.target_sparsity
ORDER BY dataset, model, target_sparsity, method
