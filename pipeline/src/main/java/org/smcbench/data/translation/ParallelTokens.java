package org.smcbench.data.translation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tokenized rows of {@code smc.parallel_text}: the text rows {@link ParallelIngest} reads, with
 * the tokenizer's name and the source and target subword ids (no specials: the loader frames them),
 * tokenized on the executors with one DJL tokenizer per partition.
 */
public final class ParallelTokens {
  /** MERGE key: one row per pair, direction and tokenizer. */
  public static final List<String> KEYS = List.of("dataset", "split", "tokenizer", "src_lang", "tgt_lang",
      "example_id");

  public static final StructType SCHEMA = withTokens(ParallelIngest.EXAMPLE_SCHEMA);

  private ParallelTokens() {}

  private static StructType withTokens(StructType text) {
    StructType s = new StructType();
    for (var f : text.fields()) {
      s = s.add(f);
      if (f.name().equals("split")) {
        s = s.add("tokenizer", DataTypes.StringType, false);
      }
    }
    return s.add("src_tokens", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
        .add("tgt_tokens", DataTypes.createArrayType(DataTypes.IntegerType, false), false);
  }

  /** {@code text} (rows of {@link ParallelIngest#EXAMPLE_SCHEMA}) tokenized by {@code tokenizerJson}. */
  public static Dataset<Row> tokenize(Dataset<Row> text, String tokenizerName, Broadcast<byte[]> tokenizerJson) {
    org.apache.spark.sql.Column[] columns = java.util.Arrays.stream(ParallelIngest.EXAMPLE_SCHEMA.fieldNames())
        .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
    return text.select(columns).mapPartitions(new Tokenize(tokenizerName, tokenizerJson),
        org.apache.spark.sql.Encoders.row(SCHEMA));
  }

  /** Executor side: one tokenizer per partition. */
  private static final class Tokenize implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String tokenizerName;
    private final Broadcast<byte[]> tokenizerJson;

    Tokenize(String tokenizerName, Broadcast<byte[]> tokenizerJson) {
      this.tokenizerName = tokenizerName;
      this.tokenizerJson = tokenizerJson;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      List<Row> out = new ArrayList<>();
      int src = ParallelIngest.EXAMPLE_SCHEMA.fieldIndex("src");
      int tgt = ParallelIngest.EXAMPLE_SCHEMA.fieldIndex("tgt");
      int split = ParallelIngest.EXAMPLE_SCHEMA.fieldIndex("split");
      try (SubwordTokenizer tokenizer = SubwordTokenizer.fromJson(new ByteArrayInputStream(tokenizerJson.value()))) {
        while (rows.hasNext()) {
          Row r = rows.next();
          Object[] values = new Object[r.size() + 3];
          int at = 0;
          for (int i = 0; i < r.size(); i++) {
            values[at++] = r.get(i);
            if (i == split) {
              values[at++] = tokenizerName;
            }
          }
          values[at++] = boxed(tokenizer.encode(r.getString(src)));
          values[at] = boxed(tokenizer.encode(r.getString(tgt)));
          out.add(RowFactory.create(values));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load tokenizer " + tokenizerName, e);
      }
      return out.iterator();
    }
  }

  private static Integer[] boxed(int[] ids) {
    Integer[] out = new Integer[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[i];
    }
    return out;
  }
}
