package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.testing.SparkTestSession;

class NumberedLinesTest {
  @TempDir
  Path dir;

  @Test
  void linesEndAtNewlineOnlyAndKeepTheirText() throws Exception {
    Map<String, String> contents = new LinkedHashMap<>();
    contents.put("final-newline", "one\ntwo\n");
    contents.put("no-final-newline", "one\ntwo");
    contents.put("crlf", "one\r\ntwo\r\n");
    contents.put("inner", "a\rb\n\n \t\n« Nous »\u00a0\nlast");
    contents.put("empty", "");
    contents.put("one-empty-line", "\n");
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> c : contents.entrySet()) {
      files.add(ParallelFixture.raw(dir.resolve(c.getKey() + ".txt"), c.getValue()).toString());
    }
    Map<String, List<String>> read = new LinkedHashMap<>();
    for (String f : files) {
      read.put(Path.of(f).getFileName().toString().replace(".txt", ""), new ArrayList<>());
    }
    for (Row r : NumberedLines.read(SparkTestSession.get(), files).orderBy("file", "line_no").collectAsList()) {
      List<String> lines = read.get(Path.of(r.getString(0)).getFileName().toString().replace(".txt", ""));
      assertEquals(lines.size() + 1, r.getLong(1), "line numbers are 1-based and consecutive");
      lines.add(r.getString(2));
    }
    assertEquals(List.of("one", "two"), read.get("final-newline"));
    assertEquals(List.of("one", "two"), read.get("no-final-newline"));
    assertEquals(List.of("one", "two"), read.get("crlf"));
    assertEquals(List.of("a\rb", "", " \t", "« Nous »\u00a0", "last"), read.get("inner"));
    assertEquals(List.of(), read.get("empty"));
    assertEquals(List.of(""), read.get("one-empty-line"));
  }

  @Test
  void numbersStayInFileOrderAcrossSeveralPartitions() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 20_000; i++) {
      text.append("sentence ").append(i).append('\n');
    }
    String file = ParallelFixture.raw(dir.resolve("big.txt"), text.toString()).toString();
    var spark = SparkTestSession.get();
    // Splits of 64 KiB: the ~250 KB file spans several partitions.
    String key = "mapreduce.input.fileinputformat.split.maxsize";
    String before = spark.sparkContext().hadoopConfiguration().get(key);
    spark.sparkContext().hadoopConfiguration().set(key, "65536");
    try {
      var lines = NumberedLines.read(spark, List.of(file));
      org.junit.jupiter.api.Assertions.assertTrue(lines.javaRDD().getNumPartitions() > 1);
      assertEquals(0, lines.where("text != concat('sentence ', line_no)").count());
      assertEquals(20_000, lines.count());
    } finally {
      if (before == null) {
        spark.sparkContext().hadoopConfiguration().unset(key);
      } else {
        spark.sparkContext().hadoopConfiguration().set(key, before);
      }
    }
  }
}
