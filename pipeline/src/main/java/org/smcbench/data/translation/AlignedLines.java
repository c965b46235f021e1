package org.smcbench.data.translation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Joins each pair's two files line by line into aligned lines, and quarantines what cannot be
 * aligned: a pair whose line counts differ is quarantined whole (a shifted line would pair every
 * later sentence with the wrong translation, so no line of it can be trusted), and so is every
 * file the layout found without a counterpart; an aligned line with an empty side is quarantined
 * once, under the language's file.
 *
 * <p>In a multi-way layout the pivot file is shared by all languages, so only the language's file
 * of a mismatched pair is quarantined and the pivot's lines stay with the other languages.
 */
public final class AlignedLines {
  /** One aligned line: the language's text and the pivot's, and where each came from. */
  public static final StructType SCHEMA = new StructType()
      .add("corpus", DataTypes.StringType, false)
      .add("lang", DataTypes.StringType, false)
      .add("pivot_lang", DataTypes.StringType, false)
      .add("line_no", DataTypes.LongType, false)
      .add("text", DataTypes.StringType, false)
      .add("pivot_text", DataTypes.StringType, false)
      .add("file", DataTypes.StringType, false)
      .add("pivot_file", DataTypes.StringType, false);

  /** Empty or whitespace-only, Unicode spaces (U+3000, U+00A0...) included. */
  static final String BLANK = "^[\\s\\p{Z}]*$";

  private static final StructType PAIRS = new StructType()
      .add("corpus", DataTypes.StringType, false)
      .add("lang", DataTypes.StringType, false)
      .add("pivot_lang", DataTypes.StringType, false)
      .add("pair_file", DataTypes.StringType, false)
      .add("pair_pivot_file", DataTypes.StringType, false);

  private static final StructType WHOLE_FILES = new StructType()
      .add("whole_file", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, false);

  /** Aligned lines with both sides non-empty, and the quarantine rows (McIngest.QUARANTINE_SCHEMA). */
  public record Result(Dataset<Row> aligned, Dataset<Row> quarantine) {}

  private AlignedLines() {}

  /**
   * @param lines every line of every file of {@code files} ({@link NumberedLines#SCHEMA}), cached:
   *     it is counted here and read again by the joins
   */
  public static Result of(SparkSession spark, String dataset, String split, LayoutFiles files, boolean multiWay,
      Dataset<Row> lines) {
    Map<String, Long> counts = new HashMap<>();
    for (Row r : lines.groupBy("file").count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    List<Row> pairs = new ArrayList<>();
    Map<String, String> whole = new LinkedHashMap<>();
    for (UnpairedFile f : files.unpaired()) {
      whole.putIfAbsent(f.file(), f.reason());
    }
    for (PairFiles p : files.pairs()) {
      long n = counts.getOrDefault(p.file(), 0L);
      long pivotN = counts.getOrDefault(p.pivotFile(), 0L);
      if (n == pivotN) {
        pairs.add(RowFactory.create(p.corpus(), p.language().iso1(), p.pivot().iso1(), p.file(), p.pivotFile()));
        continue;
      }
      String reason = "line counts differ: " + p.file() + " has " + n + " lines, " + p.pivotFile() + " has " + pivotN
          + (multiWay ? " (the pivot, aligned with every language): this language's file is quarantined whole"
              : ": the pair is quarantined whole");
      whole.putIfAbsent(p.file(), reason);
      if (!multiWay) {
        whole.putIfAbsent(p.pivotFile(), reason);
      }
    }

    Dataset<Row> x = lines.toDF("x_file", "x_line_no", "x_text");
    Dataset<Row> e = lines.toDF("p_file", "p_line_no", "p_text");
    Dataset<Row> joined = spark.createDataFrame(pairs, PAIRS)
        .join(x, col("pair_file").equalTo(col("x_file")))
        .join(e, col("pair_pivot_file").equalTo(col("p_file")).and(col("p_line_no").equalTo(col("x_line_no"))))
        .select(col("corpus"), col("lang"), col("pivot_lang"), col("x_line_no").as("line_no"),
            col("x_text").as("text"), col("p_text").as("pivot_text"), col("x_file").as("file"),
            col("p_file").as("pivot_file"))
        .withColumn("blank", col("text").rlike(BLANK))
        .withColumn("pivot_blank", col("pivot_text").rlike(BLANK))
        .cache();

    Dataset<Row> aligned = joined.where("NOT blank AND NOT pivot_blank").select(columns(SCHEMA));
    Dataset<Row> empty = joined.where("blank OR pivot_blank").select(lit(dataset).as("dataset"),
        lit(split).as("split"), col("file").as("source_file"), col("line_no").as("record_no"),
        concat(col("text"), lit("\t"), col("pivot_text")).as("raw"), emptyReason().as("reason"));
    List<Row> wholeRows = whole.entrySet().stream().map(w -> RowFactory.create(w.getKey(), w.getValue())).toList();
    Dataset<Row> wholeFiles = spark.createDataFrame(wholeRows, WHOLE_FILES)
        .join(lines, col("whole_file").equalTo(col("file")))
        .select(lit(dataset).as("dataset"), lit(split).as("split"), col("file").as("source_file"),
            col("line_no").as("record_no"), col("text").as("raw"), col("reason"));
    return new Result(aligned, wholeFiles.unionByName(empty));
  }

  /** Which side of an aligned line is empty, with the file and line of each empty side. */
  private static Column emptyReason() {
    Column side = concat(lit("the "), col("lang"), lit(" side ("), col("file"), lit(" line "), col("line_no"), lit(")"));
    Column pivotSide = concat(lit("the "), col("pivot_lang"), lit(" side ("), col("pivot_file"), lit(" line "),
        col("line_no"), lit(")"));
    return concat(lit("empty line: "), when(col("blank").and(col("pivot_blank")),
            concat(lit("both sides are empty, "), side, lit(" and "), pivotSide))
        .when(col("blank"), concat(side, lit(" is empty")))
        .otherwise(concat(pivotSide, lit(" is empty"))));
  }

  private static Column[] columns(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames()).map(n -> col(n)).toArray(Column[]::new);
  }
}
