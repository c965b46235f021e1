package org.smcbench.results;

/**
 * {@code smc.layer_profile}: per dataset × model × method × target sparsity, the sparsity of every
 * prunable tensor in model order (paper Figs 6–8, 10), averaged over the succeeded seeds (and
 * folds; {@code n_seeds} counts the runs averaged).
 */
final class LayerProfile {
  private LayerProfile() {}

  static void write(Warehouse warehouse) {
    var profile = warehouse.spark().sql("""
        SELECT r.task, r.dataset, r.model, r.method, r.target_sparsity, l.position, l.parameter,
               first(l.layer) AS layer, first(l.module_kind) AS module_kind, first(l.numel) AS numel,
               count(*) AS n_seeds, avg(l.sparsity) AS sparsity_mean, stddev_samp(l.sparsity) AS sparsity_std
        FROM delta.`%s` l JOIN %s r ON l.run_key = r.run_key
        GROUP BY r.task, r.dataset, r.model, r.method, r.target_sparsity, l.position, l.parameter
        ORDER BY dataset, model, target_sparsity, method, position
        """.formatted(warehouse.path(Tables.LAYER_SPARSITY).replace("`", "``"), AggregateJob.SUCCEEDED_RUNS));
    warehouse.overwrite(Tables.LAYER_PROFILE, profile);
  }
}
