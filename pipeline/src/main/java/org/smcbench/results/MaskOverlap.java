package org.smcbench.results;

import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code smc.mask_overlap}: for every pair of sparse methods run at the same dataset, model, target
 * sparsity, fold and seed, the Jaccard overlap |A ∩ B| / |A ∪ B| of the weights each kept, per tensor and
 * overall ({@code parameter = '*'}, position -1). This measures the paper's "lazy regime" claim that
 * magnitude-based methods end at nearly the same masks. Bit counts come from the packed bitsets of
 * {@code smc.masks}.
 */
final class MaskOverlap {
  private MaskOverlap() {}

  static void write(Warehouse warehouse) {
    var spark = warehouse.spark();
    if (!spark.catalog().functionExists("smc_and_count")) { // once per session (re-registering warns)
      registerFunctions(spark);
    }
    var overlap = spark.sql("""
        WITH kept AS (
          SELECT r.task, r.dataset, r.fold, r.model, r.target_sparsity, r.seed, r.method, m.position, m.parameter,
                 m.numel, m.kept, m.bits
          FROM delta.`%s` m JOIN %s r ON m.run_key = r.run_key
          WHERE r.method <> 'dense'),
        pairs AS (
          SELECT a.task, a.dataset, a.fold, a.model, a.target_sparsity, a.seed, a.method AS method_a, b.method AS method_b,
                 a.parameter, a.position, a.kept AS kept_a, b.kept AS kept_b,
                 smc_and_count(a.bits, b.bits) AS intersection, smc_or_count(a.bits, b.bits) AS union_count
          FROM kept a JOIN kept b
            ON a.task = b.task AND a.dataset = b.dataset AND a.fold = b.fold AND a.model = b.model
           AND a.target_sparsity = b.target_sparsity AND a.seed = b.seed AND a.parameter = b.parameter
           AND a.method < b.method),
        rows AS (
          SELECT * FROM pairs
          UNION ALL
          SELECT task, dataset, fold, model, target_sparsity, seed, method_a, method_b, '*' AS parameter, -1 AS position,
                 sum(kept_a), sum(kept_b), sum(intersection), sum(union_count)
          FROM pairs
          GROUP BY task, dataset, fold, model, target_sparsity, seed, method_a, method_b)
        SELECT *, CASE WHEN union_count = 0 THEN 1.0 ELSE intersection / union_count END AS jaccard
        FROM rows
        ORDER BY dataset, fold, model, target_sparsity, seed, method_a, method_b, position
        """.formatted(warehouse.path(Tables.MASKS).replace("`", "``"), AggregateJob.SUCCEEDED_RUNS));
    warehouse.overwrite(Tables.MASK_OVERLAP, overlap);
  }

  private static void registerFunctions(org.apache.spark.sql.SparkSession spark) {
    spark.udf().register("smc_and_count", (UDF2<byte[], byte[], Long>) (a, b) -> Bitsets.andCount(a, b),
        DataTypes.LongType);
    spark.udf().register("smc_or_count", (UDF2<byte[], byte[], Long>) (a, b) -> Bitsets.orCount(a, b),
        DataTypes.LongType);
  }
}
