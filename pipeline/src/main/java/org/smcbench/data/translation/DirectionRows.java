package org.smcbench.data.translation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Both directions of every aligned line with the pivot, X → pivot and pivot → X, the same line and id. */
final class DirectionRows {
  private DirectionRows() {}

  /** {@code aligned} in {@link AlignedLines#SCHEMA}; rows in {@link ParallelIngest#EXAMPLE_SCHEMA}. */
  static Dataset<Row> of(Dataset<Row> aligned, String dataset, String split) {
    Column id = concat(col("corpus"), lit(":"), col("line_no"));
    Dataset<Row> toPivot = aligned.select(col("lang").as("src_lang"), col("pivot_lang").as("tgt_lang"),
        col("corpus"), col("line_no"), id.as("example_id"), col("text").as("src"), col("pivot_text").as("tgt"),
        col("file").as("src_file"), col("pivot_file").as("tgt_file"));
    Dataset<Row> fromPivot = aligned.select(col("pivot_lang").as("src_lang"), col("lang").as("tgt_lang"),
        col("corpus"), col("line_no"), id.as("example_id"), col("pivot_text").as("src"), col("text").as("tgt"),
        col("pivot_file").as("src_file"), col("file").as("tgt_file"));
    return ParallelIngest.rows(toPivot.unionByName(fromPivot), dataset, split);
  }
}
