-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Layerwise sparsity (paper Figs 6–8, 10)
-- MAGIC The sparsity of every prunable tensor in model order, per method and target sparsity, mean over seeds.

-- COMMAND ----------

SELECT dataset, model, method, target_sparsity, position, parameter, layer, module_kind, numel, sparsity_mean
FROM smc.layer_profile
ORDER BY dataset, model, target_sparsity, method, position

-- COMMAND ----------

-- Per module kind: which parts of the network each method prunes hardest.
SELECT dataset, model, method, target_sparsity, module_kind,
       sum(sparsity_mean * numel) / sum(numel) AS sparsity, sum(numel) AS numel
FROM smc.layer_profile
GROUP BY dataset, model, method, target_sparsity, module_kind
ORDER BY dataset, model, target_sparsity, method, module_kind
