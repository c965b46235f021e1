package org.smcbench.data.translation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** Parallel-text files the tests write, and their rows read back as plain values. */
final class ParallelFixture {
  private ParallelFixture() {}

  /** {@code lines}, each ended by "\n". */
  static Path lines(Path file, String... lines) throws IOException {
    return raw(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
  }

  /** Exactly {@code content}, UTF-8. */
  static Path raw(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /** Example rows per direction "src>tgt" with their count. */
  static Map<String, Long> directions(List<Row> examples) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : examples) {
      counts.merge(r.<String>getAs("src_lang") + ">" + r.<String>getAs("tgt_lang"), 1L, Long::sum);
    }
    return counts;
  }

  /** The one row of a direction and id. */
  static Row row(List<Row> examples, String src, String tgt, String exampleId) {
    List<Row> rows = examples.stream().filter(r -> r.getAs("src_lang").equals(src) && r.getAs("tgt_lang").equals(tgt)
        && r.getAs("example_id").equals(exampleId)).toList();
    if (rows.size() != 1) {
      throw new AssertionError(rows.size() + " rows for " + src + ">" + tgt + " " + exampleId);
    }
    return rows.get(0);
  }

  /** src, tgt, corpus, line_no and the two files' names of a row. */
  static List<Object> values(Row r) {
    return List.of(r.<String>getAs("src"), r.<String>getAs("tgt"), r.<String>getAs("corpus"), r.<Long>getAs("line_no"),
        name(r.getAs("src_file")), name(r.getAs("tgt_file")));
  }

  /** The last two path segments (folder/file) of a path. */
  static String name(String path) {
    Path p = Path.of(path);
    return p.getParent().getFileName() + "/" + p.getFileName();
  }
}
