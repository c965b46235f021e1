package org.smcbench.data.translation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * How often each pre-token occurs in text columns, counted by Spark: the words
 * {@link MetaspacePreTokenizer} gives (and so the tokenizer.json will hand its BPE model), for
 * {@link BpeLearner} on the driver.
 */
public final class WordCounts {
  public static final String WORD = "word";
  public static final String COUNT = "count";

  // Spark SQL has no Unicode normalization; the one Java implementation keeps both sides equal.
  private static final UserDefinedFunction NORMALIZE =
      udf((UDF1<String, String>) s -> s == null ? null : MetaspacePreTokenizer.normalize(s), DataTypes.StringType);

  private WordCounts() {}

  /** Columns {@code word} and {@code count} (long), one row per distinct pre-token; null texts count nothing. */
  public static Dataset<Row> frame(Dataset<Row> rows, List<String> textColumns) {
    if (textColumns.isEmpty()) {
      throw new IllegalArgumentException("no text column to count words in");
    }
    Dataset<Row> words = null;
    for (String column : textColumns) {
      Dataset<Row> one = rows.select(explode(metaspaceWords(col(column))).as(WORD));
      words = words == null ? one : words.unionAll(one);
    }
    return words.groupBy(WORD).count(); // names its column "count"
  }

  /** The counts collected to the driver. */
  public static Map<String, Long> count(Dataset<Row> rows, List<String> textColumns) {
    Map<String, Long> counts = new HashMap<>();
    for (Row r : frame(rows, textColumns).collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  public static Map<String, Long> count(Dataset<Row> rows, String... textColumns) {
    return count(rows, List.of(textColumns));
  }

  /** {@link MetaspacePreTokenizer#preTokenize} as Spark SQL: an array of words, null for blank text. */
  static Column metaspaceWords(Column text) {
    Column normalized = NORMALIZE.apply(text);
    Column marked = regexp_replace(normalized, " ", MetaspacePreTokenizer.REPLACEMENT);
    Column prefixed = when(marked.startsWith(MetaspacePreTokenizer.REPLACEMENT), marked)
        .otherwise(concat(lit(MetaspacePreTokenizer.REPLACEMENT), marked));
    // A zero-width match at the start gives no leading empty string (java.util.regex split).
    Column words = split(prefixed, "(?=" + MetaspacePreTokenizer.REPLACEMENT + ")");
    return when(normalized.notEqual(lit("")), words);
  }
}
