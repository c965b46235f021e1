package org.smcbench.data.translation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Pairs of two non-pivot languages X ↔ Y (both directions) from the lines each has aligned with
 * the pivot ({@link AlignedLines#SCHEMA}).
 */
final class PivotPairs {
  private PivotPairs() {}

  /**
   * Multi-way data (FLORES): line n of X translates line n of Y. Rows keep the corpus, the line
   * and the id {@code <corpus>:<line_no>} of the direction rows.
   */
  static Dataset<Row> sameLine(Dataset<Row> aligned, String dataset, String split) {
    Dataset<Row> a = side(aligned, "a_");
    Dataset<Row> b = side(aligned, "b_");
    Dataset<Row> joined = a.join(b, col("a_corpus").equalTo(col("b_corpus"))
        .and(col("a_line_no").equalTo(col("b_line_no"))).and(col("a_lang").lt(col("b_lang"))));
    Column id = concat(col("a_corpus"), lit(":"), col("a_line_no"));
    return ParallelIngest.rows(directed(joined, "a_", "b_", col("a_corpus"), col("a_line_no"), id)
        .unionByName(directed(joined, "b_", "a_", col("a_corpus"), col("a_line_no"), id)), dataset, split);
  }

  /**
   * Bilingual data (OPUS, test sets): an X line and a Y line pair when their pivot sides are the
   * same text. The k-th X line with a given pivot text pairs with the k-th Y line with it (in
   * corpus and line order), so a sentence both corpora repeat ("Thank you.") gives as many pairs
   * as the rarer side has, not the product of the two counts, and each line is used once per
   * direction. Such a row names both lines: corpus {@code <src corpus>|<tgt corpus>}, line_no the
   * source's, id {@code <src corpus>:<src line>|<tgt corpus>:<tgt line>}.
   */
  static Dataset<Row> throughPivot(Dataset<Row> aligned, String dataset, String split) {
    Dataset<Row> ranked = aligned.withColumn("occurrence", row_number().over(
        Window.partitionBy("lang", "pivot_text").orderBy("corpus", "line_no")));
    Dataset<Row> a = side(ranked, "a_");
    Dataset<Row> b = side(ranked, "b_");
    Dataset<Row> joined = a.join(b, col("a_pivot_text").equalTo(col("b_pivot_text"))
        .and(col("a_occurrence").equalTo(col("b_occurrence"))).and(col("a_lang").lt(col("b_lang"))));
    return ParallelIngest.rows(derived(joined, "a_", "b_").unionByName(derived(joined, "b_", "a_")),
        dataset, split);
  }

  private static Dataset<Row> derived(Dataset<Row> joined, String s, String t) {
    Column corpus = concat(col(s + "corpus"), lit("|"), col(t + "corpus"));
    Column id = concat(col(s + "corpus"), lit(":"), col(s + "line_no"), lit("|"), col(t + "corpus"), lit(":"),
        col(t + "line_no"));
    return directed(joined, s, t, corpus, col(s + "line_no"), id);
  }

  private static Dataset<Row> directed(Dataset<Row> joined, String s, String t, Column corpus, Column lineNo,
      Column id) {
    return joined.select(col(s + "lang").as("src_lang"), col(t + "lang").as("tgt_lang"), corpus.as("corpus"),
        lineNo.as("line_no"), id.as("example_id"), col(s + "text").as("src"), col(t + "text").as("tgt"),
        col(s + "file").as("src_file"), col(t + "file").as("tgt_file"));
  }

  private static Dataset<Row> side(Dataset<Row> rows, String prefix) {
    return rows.toDF(java.util.Arrays.stream(rows.columns()).map(c -> prefix + c).toArray(String[]::new));
  }
}
