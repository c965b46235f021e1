-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Where each method stops matching dense
-- MAGIC `highest_matching_sparsity`: the highest tested sparsity whose mean is within the tolerance of dense;
-- MAGIC `lowest_failing_sparsity`: the lowest that is not (the paper's "fails at trivial sparsity").
-- MAGIC `auc`: the metric–sparsity curve's mean level from dense (sparsity 0) to `max_sparsity`.

-- COMMAND ----------

SELECT dataset, model, method, timing, n_sparsities, max_sparsity,
       highest_matching_sparsity, lowest_failing_sparsity, dense_mean, auc, auc_rank
FROM smc.matching_sparsity
ORDER BY dataset, model, auc_rank

-- COMMAND ----------

-- Method ranking per task (the view over matching_sparsity).
SELECT task, dataset, model, auc_rank, method, auc
FROM smc.method_ranking
ORDER BY task, dataset, model, auc_rank

-- COMMAND ----------

-- Methods that already fail below 40 % sparsity (may be empty).
SELECT dataset, model, method, lowest_failing_sparsity
FROM smc.matching_sparsity
WHERE lowest_failing_sparsity IS NOT NULL AND lowest_failing_sparsity < 0.4
ORDER BY dataset, model, lowest_failing_sparsity, method
