package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.smcbench.testing.SparkTestSession;

class WordCountsTest {
  static final String M = MetaspacePreTokenizer.REPLACEMENT;
  static final StructType PAIRS = new StructType()
      .add("source", DataTypes.StringType)
      .add("target", DataTypes.StringType);

  @Test
  void countsEveryPreTokenOfEveryColumn() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> rows = spark.createDataFrame(List.of(
        RowFactory.create("the cat  sat", "le chat"),
        RowFactory.create("\tthe cat ", "le  chat est assis"),
        RowFactory.create(null, "le cafe\u0301"),
        RowFactory.create("   ", "")), PAIRS);
    Map<String, Long> expected = Map.of(
        M + "the", 2L, M + "cat", 2L, M + "sat", 1L,
        M + "le", 3L, M + "chat", 2L, M + "est", 1L, M + "assis", 1L, M + "café", 1L);
    assertEquals(expected, WordCounts.count(rows, "source", "target"));
    assertEquals(Map.of(M + "the", 2L, M + "cat", 2L, M + "sat", 1L), WordCounts.count(rows, "source"));
  }

  @Test
  void sparkPreTokensEqualTheJavaOnes() {
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = new ArrayList<>();
    Map<String, Long> expected = new HashMap<>();
    for (String text : MetaspacePreTokenizerTest.TRICKY) {
      rows.add(RowFactory.create(text, null));
      MetaspacePreTokenizer.preTokenize(text).forEach(w -> expected.merge(w, 1L, Long::sum));
    }
    assertEquals(expected, WordCounts.count(spark.createDataFrame(rows, PAIRS), "source"));
  }
}
