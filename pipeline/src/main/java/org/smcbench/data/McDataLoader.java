package org.smcbench.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.task.mc.McData;

/**
 * Reads one split of a multiple-choice dataset from {@code smc.qa_examples} on the driver, in a
 * fixed pseudo-random order (hash of the example id), optionally capped to the first N of it.
 */
public final class McDataLoader {
  private McDataLoader() {}

  public static McData load(Warehouse warehouse, String dataset, String split, String tokenizerName,
      int maxExamples, byte[] tokenizerJson) {
    if (!warehouse.exists(Tables.QA_EXAMPLES)) {
      throw new IllegalStateException("table " + warehouse.qualified(Tables.QA_EXAMPLES)
          + " does not exist: run `smc-bench ingest` first");
    }
    long version = warehouse.version(Tables.QA_EXAMPLES);
    Dataset<Row> rows = warehouse.spark().read().format("delta").option("versionAsOf", version)
        .load(warehouse.path(Tables.QA_EXAMPLES))
        .where(col("dataset").equalTo(dataset).and(col("split").equalTo(split))
            .and(col("tokenizer").equalTo(tokenizerName)))
        .orderBy(xxhash64(col("example_id")), col("example_id"))
        .select("example_id", "label", "context_ids", "first_ids", "second_ids");
    if (maxExamples > 0) {
      rows = rows.limit(maxExamples);
    }
    List<Row> collected = rows.collectAsList();
    if (collected.isEmpty()) {
      throw new IllegalStateException("no examples for dataset " + dataset + " split " + split
          + " tokenizer " + tokenizerName + " in " + warehouse.qualified(Tables.QA_EXAMPLES)
          + ": run `smc-bench ingest` for it");
    }
    List<String> ids = new ArrayList<>();
    List<McTokens> tokens = new ArrayList<>();
    int[] labels = new int[collected.size()];
    for (int i = 0; i < collected.size(); i++) {
      Row r = collected.get(i);
      ids.add(r.getString(0));
      labels[i] = r.isNullAt(1) ? -1 : r.getInt(1);
      tokens.add(new McTokens(ints(r.getList(2)), intsList(r.getList(3)), intsList(r.getList(4))));
    }
    int numChoices = tokens.get(0).firsts().length;
    try (TextTokenizer tokenizer = TextTokenizer.fromJson(new ByteArrayInputStream(tokenizerJson))) {
      return new McData(ids, tokens, labels, numChoices, tokenizer.clsId(), tokenizer.sepId(), tokenizer.padId(),
          tokenizer.pairSeparators(), version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int[] ints(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static int[][] intsList(List<?> lists) {
    int[][] out = new int[lists.size()][];
    for (int i = 0; i < out.length; i++) {
      Object o = lists.get(i);
      @SuppressWarnings("unchecked")
      List<Integer> inner = o instanceof scala.collection.Seq<?> seq
          ? (List<Integer>) scala.collection.JavaConverters.seqAsJavaList(seq)
          : (List<Integer>) o;
      out[i] = ints(inner);
    }
    return out;
  }
}
