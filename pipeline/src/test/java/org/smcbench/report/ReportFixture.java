package org.smcbench.report;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * Synthetic derived tables in the aggregate job's schemas: one dataset × model, dense plus two
 * methods (gmp, omp) at 50 % and 90 %, two parameters, two seeds of mask overlap.
 */
final class ReportFixture {
  static final String DATASET = "csqa";
  /** Needs slugging for file names and escaping in HTML. */
  static final String MODEL = "MiniLM/L6 <v2>";
  static final String MODEL_HTML = "MiniLM/L6 &lt;v2&gt;";
  static final String MODEL_SLUG = "minilm-l6-v2";

  private static final DataType S = DataTypes.StringType;
  private static final DataType D = DataTypes.DoubleType;
  private static final DataType L = DataTypes.LongType;
  private static final DataType I = DataTypes.IntegerType;
  private static final DataType B = DataTypes.BooleanType;

  private ReportFixture() {}

  static void writeAll(Warehouse warehouse) {
    writeLeaderboard(warehouse);
    writeMatching(warehouse);
    writeLayerProfile(warehouse);
    writeMaskOverlap(warehouse);
  }

  static void writeLeaderboard(Warehouse w) {
    StructType schema = schema("task", S, "dataset", S, "model", S, "method", S, "timing", S,
        "target_sparsity", D, "actual_sparsity", D, "metric_name", S, "n_seeds", L, "metric_mean", D,
        "metric_std", D, "ci95_low", D, "ci95_high", D, "eval_examples", L, "chance", D, "p_vs_chance", D,
        "dense_mean", D, "dense_std", D, "diff_to_dense", D, "matching", B, "matching_tolerance", D);
    w.overwrite(Tables.LEADERBOARD, w.spark().createDataFrame(List.of(
        board("dense", "none", 0.0, 0.0, 0.70, 0.66, 0.74, null),
        board("gmp", "during", 0.5, 0.5, 0.6125, 0.58, 0.64, false),
        board("gmp", "during", 0.9, 0.9, 0.41, 0.38, 0.44, false),
        board("omp", "after", 0.5, 0.5, 0.66, null, null, true),
        board("omp", "after", 0.9, 0.9, 0.52, null, null, false)), schema));
  }

  private static Row board(String method, String timing, double target, double actual, double mean,
      Double low, Double high, Boolean matching) {
    return RowFactory.create("mc", DATASET, MODEL, method, timing, target, actual, "accuracy", 2L, mean, 0.01,
        low, high, 2000L, 0.2, 1e-9, 0.70, 0.01, mean - 0.70, matching, 0.05);
  }

  static void writeMatching(Warehouse w) {
    StructType schema = schema("task", S, "dataset", S, "model", S, "method", S, "timing", S, "metric_name", S,
        "n_sparsities", L, "max_sparsity", D, "highest_matching_sparsity", D, "lowest_failing_sparsity", D,
        "dense_mean", D, "auc", D, "auc_rank", I);
    w.overwrite(Tables.MATCHING_SPARSITY, w.spark().createDataFrame(List.of(
        RowFactory.create("mc", DATASET, MODEL, "gmp", "during", "accuracy", 2L, 0.9, null, 0.5, 0.70, 0.2561, 2),
        RowFactory.create("mc", DATASET, MODEL, "omp", "after", "accuracy", 2L, 0.9, 0.5, 0.9, 0.70, 0.3137, 1)),
        schema));
  }

  static void writeLayerProfile(Warehouse w) {
    StructType schema = schema("task", S, "dataset", S, "model", S, "method", S, "target_sparsity", D,
        "position", I, "parameter", S, "layer", I, "module_kind", S, "numel", L, "n_seeds", L,
        "sparsity_mean", D, "sparsity_std", D);
    List<Row> rows = new java.util.ArrayList<>();
    for (String method : List.of("gmp", "omp")) {
      for (double target : List.of(0.5, 0.9)) {
        rows.add(RowFactory.create("mc", DATASET, MODEL, method, target, 0, "encoder.layer.0.attention.query.weight",
            0, "attention", 147456L, 2L, target - 0.1, 0.01));
        rows.add(RowFactory.create("mc", DATASET, MODEL, method, target, 1, "encoder.layer.0.output.dense.weight",
            0, "ffn", 589824L, 2L, method.equals("gmp") ? target + 0.05 : target, null));
      }
    }
    w.overwrite(Tables.LAYER_PROFILE, w.spark().createDataFrame(rows, schema));
  }

  /** Whole-model Jaccard of gmp vs omp at 50 %: 0.30 and 0.40 over the two seeds (mean 0.35). */
  static void writeMaskOverlap(Warehouse w) {
    StructType schema = schema("task", S, "dataset", S, "model", S, "target_sparsity", D, "seed", I,
        "method_a", S, "method_b", S, "parameter", S, "position", I, "kept_a", L, "kept_b", L,
        "intersection", L, "union_count", L, "jaccard", D);
    List<Row> rows = new java.util.ArrayList<>();
    double[][] overall = {{0.30, 0.40}, {0.20, 0.20}};
    List<Double> targets = List.of(0.5, 0.9);
    for (int t = 0; t < 2; t++) {
      for (int seed = 0; seed < 2; seed++) {
        rows.add(RowFactory.create("mc", DATASET, MODEL, targets.get(t), seed, "gmp", "omp", "*", -1,
            100L, 100L, 50L, 150L, overall[t][seed]));
        // Per-parameter rows must not enter the whole-model map.
        for (int p = 0; p < 2; p++) {
          rows.add(RowFactory.create("mc", DATASET, MODEL, targets.get(t), seed, "gmp", "omp", "param" + p, p,
              50L, 50L, 45L, 55L, 0.9));
        }
      }
    }
    w.overwrite(Tables.MASK_OVERLAP, w.spark().createDataFrame(rows, schema));
  }

  private static StructType schema(Object... nameType) {
    StructField[] fields = new StructField[nameType.length / 2];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = DataTypes.createStructField((String) nameType[2 * i], (DataType) nameType[2 * i + 1], true);
    }
    return DataTypes.createStructType(fields);
  }
}
