-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Mask overlap: do methods find the same sparse networks?
-- MAGIC Jaccard overlap |A ∩ B| / |A ∪ B| of the weights two methods kept, at the same sparsity and seed.
-- MAGIC Two independent random masks at sparsity s overlap by (1 − s) / (1 + s) on average.

-- COMMAND ----------

SELECT dataset, model, target_sparsity, seed, method_a, method_b, jaccard,
       (1 - target_sparsity) / (1 + target_sparsity) AS random_pair_expectation
FROM smc.mask_overlap
WHERE parameter = '*'
ORDER BY dataset, model, target_sparsity, jaccard DESC

-- COMMAND ----------

-- Per tensor, in model order.
SELECT dataset, model, target_sparsity, seed, method_a, method_b, position, parameter, jaccard
FROM smc.mask_overlap
WHERE parameter <> '*'
ORDER BY dataset, model, target_sparsity, method_a, method_b, position
