package org.smcbench.results;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF0;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.smcbench.task.translation.TranslationScoring;
import org.smcbench.task.translation.TranslationTask;

/**
 * {@code smc.translation_scores}: one row per succeeded translation run and direction, with BLEU and
 * chrF, the copy-the-source baseline's BLEU and chrF on the same sentences, and the sacreBLEU-style
 * signature of each metric (the BLEU tokenizer depends on the target language). The run's own metric
 * in {@code smc.runs} and the leaderboard is the average over these directions, as the paper reports.
 * Derived from the per-direction entries the evaluation stores in the run's metrics
 * ({@code bleu.fr-en}, {@code chrf.fr-en}, {@code copy_bleu.fr-en}, {@code copy_chrf.fr-en}).
 */
final class TranslationScores {
  private TranslationScores() {}

  /** Rewrites the table when any translation run succeeded; returns whether it did. */
  static boolean write(Warehouse warehouse) {
    var spark = warehouse.spark();
    if (!spark.catalog().functionExists("smc_bleu_signature")) { // once per session
      spark.udf().register("smc_bleu_signature",
          (UDF1<String, String>) TranslationScoring::bleuSignature, DataTypes.StringType);
      spark.udf().register("smc_chrf_signature",
          (UDF0<String>) TranslationScoring::chrfSignature, DataTypes.StringType);
    }
    Dataset<Row> rows = spark.sql("""
        WITH entries AS (
          SELECT run_key, task, dataset, fold, model, method, timing, target_sparsity, actual_sparsity, seed,
                 code_version, finished_at, explode(from_json(metrics, 'map<string,double>')) AS (name, value)
          FROM %s WHERE task = '%s'),
        parts AS (
          SELECT *, substring_index(name, '.', 1) AS metric, substr(name, instr(name, '.') + 1) AS direction
          FROM entries WHERE instr(name, '.') > 0)
        SELECT run_key, task, dataset, fold, model, method, timing, target_sparsity, actual_sparsity, seed, direction,
               split(direction, '-')[0] AS src_lang, split(direction, '-')[1] AS tgt_lang,
               max(CASE WHEN metric = 'bleu' THEN value END) AS bleu,
               max(CASE WHEN metric = 'chrf' THEN value END) AS chrf,
               max(CASE WHEN metric = 'copy_bleu' THEN value END) AS copy_bleu,
               max(CASE WHEN metric = 'copy_chrf' THEN value END) AS copy_chrf,
               smc_bleu_signature(split(direction, '-')[1]) AS bleu_signature,
               smc_chrf_signature() AS chrf_signature,
               code_version, finished_at
        FROM parts
        WHERE metric IN ('bleu', 'chrf', 'copy_bleu', 'copy_chrf')
        GROUP BY run_key, task, dataset, fold, model, method, timing, target_sparsity, actual_sparsity, seed, direction,
                 code_version, finished_at
        ORDER BY dataset, model, target_sparsity, method, seed, direction
        """.formatted(AggregateJob.SUCCEEDED_RUNS, TranslationTask.NAME));
    if (rows.isEmpty()) {
      return false;
    }
    warehouse.overwrite(Tables.TRANSLATION_SCORES, rows);
    return true;
  }
}
