package org.smcbench.data.mwp;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smcbench.data.McIngest;
import org.smcbench.data.OutcomeRows;
import org.smcbench.data.ParseOutcome;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * Reads one split file of a math-word-problem dataset with Spark (any Hadoop path, so s3a:// too),
 * and returns its checked problems for {@code smc.mwp_examples} and its malformed rows for
 * {@code smc.quarantine} (same schema and key as the multiple-choice ingest) over one cached pass.
 *
 * <p>{@code problem_id} is {@code <dataset>[/fold<k>]/<split>:<line>}: the file and line. A content
 * hash cannot be the key because MAWPS repeats identical rows within a file (about 60 per train
 * fold) and the MERGE would fold them into one; the hash is kept as {@code content_hash} to find
 * the same problem across folds and files.
 */
public final class MwpIngest {
  /** MERGE keys of the two tables. */
  public static final List<String> EXAMPLE_KEYS = List.of("dataset", "fold", "split", "problem_id");
  public static final List<String> QUARANTINE_KEYS = List.of("source_file", "record_no");

  public static final StructType EXAMPLE_SCHEMA = new StructType()
      .add("dataset", DataTypes.StringType, false)
      .add("fold", DataTypes.StringType, false)
      .add("split", DataTypes.StringType, false)
      .add("problem_id", DataTypes.StringType, false)
      .add("question_tokens", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("numbers", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
      .add("equation", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("answer", DataTypes.DoubleType, false)
      .add("quantity_cells", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("content_hash", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("line", DataTypes.LongType, false);

  private static final OutcomeRows ROWS = new OutcomeRows(EXAMPLE_SCHEMA, McIngest.QUARANTINE_SCHEMA);

  private MwpIngest() {}

  /** Rows written by {@link #upsert}. */
  public record Counts(long landed, long quarantined) {}

  /**
   * Reads {@code file} (a full path; resolve {@link MwpFolds.Entry#path()} against the data root
   * first). Fails, naming the file and column, when the header lacks a needed column.
   */
  public static OutcomeRows.Split read(SparkSession spark, String dataset, String fold, String split, String file) {
    MwpParser parser = MwpParser.forHeader(file, org.smcbench.data.DataPaths.firstLine(file, spark.sparkContext().hadoopConfiguration()));
    String idPrefix = dataset + (fold.isEmpty() ? "" : "/fold" + fold) + "/" + split + ":";
    JavaRDD<Row> rows = spark.read().textFile(file).javaRDD().zipWithIndex()
        .filter(l -> l._2() > 0) // the header
        .map(l -> {
          long lineNo = l._2() + 1;
          ParseOutcome<MwpRecord> outcome = parser.parse(lineNo, l._1());
          if (outcome instanceof ParseOutcome.Ok<MwpRecord> ok) {
            return exampleRow(ok.value(), dataset, fold, split, idPrefix + lineNo, file, lineNo);
          }
          String reason = ((ParseOutcome.Malformed<MwpRecord>) outcome).reason();
          return quarantineRow(dataset, split, file, lineNo, l._1(), reason);
        });
    return ROWS.split(spark.createDataFrame(rows, ROWS.schema()).cache());
  }

  /**
   * Every split file of a dataset as one result, so the caller MERGEs once per table rather than
   * once per file (20 files for MAWPS' five folds). {@code resolve} turns an entry's relative path
   * into a full one, e.g. {@code e -> paths.require(e.path(), key)}.
   */
  public static OutcomeRows.Split readAll(SparkSession spark, MwpFolds folds, Function<MwpFolds.Entry, String> resolve) {
    Dataset<Row> examples = null;
    Dataset<Row> quarantine = null;
    for (MwpFolds.Entry e : folds.entries()) {
      OutcomeRows.Split r = read(spark, folds.dataset(), e.fold(), e.split(), resolve.apply(e));
      examples = examples == null ? r.examples() : examples.unionAll(r.examples());
      quarantine = quarantine == null ? r.quarantine() : quarantine.unionAll(r.quarantine());
    }
    return new OutcomeRows.Split(examples, quarantine);
  }

  /** MERGEs one result into {@code mwp_examples} and {@code quarantine}; re-running changes nothing. */
  public static Counts upsert(Warehouse warehouse, OutcomeRows.Split result) {
    long landed = result.examples().count();
    long bad = result.quarantine().count();
    warehouse.upsert(Tables.MWP_EXAMPLES, result.examples(), EXAMPLE_KEYS);
    if (bad > 0) {
      warehouse.upsert(Tables.QUARANTINE, result.quarantine(), QUARANTINE_KEYS);
    }
    return new Counts(landed, bad);
  }

  /** A problem back from an {@code mwp_examples} row (for the baseline and, later, the task). */
  public static MwpRecord record(Row row) {
    return new MwpRecord(row.getList(row.fieldIndex("question_tokens")), row.getList(row.fieldIndex("numbers")),
        row.getList(row.fieldIndex("equation")), row.getDouble(row.fieldIndex("answer")),
        row.getString(row.fieldIndex("content_hash")), row.getList(row.fieldIndex("quantity_cells")));
  }


  private static Row exampleRow(MwpRecord r, String dataset, String fold, String split, String problemId,
      String file, long lineNo) {
    return ROWS.example(dataset, fold, split, problemId, r.questionTokens().toArray(new String[0]),
        r.numbers().toArray(new Double[0]), r.equation().toArray(new String[0]), r.answer(),
        r.quantityCells().toArray(new Integer[0]), r.contentHash(),
        file, lineNo);
  }

  private static Row quarantineRow(String dataset, String split, String file, long lineNo, String raw, String reason) {
    return ROWS.quarantined(dataset, split, file, lineNo, raw, reason);
  }
}
