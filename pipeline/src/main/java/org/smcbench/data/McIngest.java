package org.smcbench.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Reads one split file of a multiple-choice dataset with Spark, parses each line, tokenizes valid
 * questions with the model's tokenizer on the executors, and returns examples and quarantined
 * lines as two DataFrames over one cached pass.
 */
public final class McIngest {
  public static final StructType EXAMPLE_SCHEMA = new StructType()
      .add("dataset", DataTypes.StringType, false)
      .add("split", DataTypes.StringType, false)
      .add("tokenizer", DataTypes.StringType, false)
      .add("example_id", DataTypes.StringType, false)
      .add("context", DataTypes.StringType, false)
      .add("question", DataTypes.StringType, false)
      .add("choices", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("label", DataTypes.IntegerType, true)
      .add("context_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("first_ids", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType, false)), false)
      .add("second_ids", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType, false)), false)
      .add("shard", DataTypes.IntegerType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("line_no", DataTypes.LongType, false);

  public static final StructType QUARANTINE_SCHEMA = new StructType()
      .add("dataset", DataTypes.StringType, false)
      .add("split", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("record_no", DataTypes.LongType, false)
      .add("raw", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, false);

  private McIngest() {}

  /** Examples and quarantined records of one split file. */
  public record Result(Dataset<Row> examples, Dataset<Row> quarantine) {}

  public static Result read(SparkSession spark, String dataset, String split, String file, String reader,
      String tokenizerName, Broadcast<byte[]> tokenizerJson, int shards) {
    LineParser<McQuestion> parser = McReaders.parser(reader);
    JavaRDD<Row> parsed = spark.read().textFile(file).javaRDD().zipWithIndex()
        .mapPartitions(new ParseAndTokenize(dataset, split, file, parser, tokenizerName, tokenizerJson, shards));
    // One row type for both outcomes; the first column says which.
    Dataset<Row> all = spark.createDataFrame(parsed, BOTH_SCHEMA).cache();
    Dataset<Row> examples = all.where("ok").select(EXAMPLE_COLUMNS);
    Dataset<Row> quarantine = all.where("NOT ok").select(QUARANTINE_COLUMNS);
    return new Result(examples, quarantine);
  }

  private static final StructType BOTH_SCHEMA = both();
  private static final org.apache.spark.sql.Column[] EXAMPLE_COLUMNS = columns(EXAMPLE_SCHEMA, "q_");
  private static final org.apache.spark.sql.Column[] QUARANTINE_COLUMNS = columns(QUARANTINE_SCHEMA, "x_");

  private static StructType both() {
    StructType s = new StructType().add("ok", DataTypes.BooleanType, false);
    for (var f : EXAMPLE_SCHEMA.fields()) {
      s = s.add("q_" + f.name(), f.dataType(), true);
    }
    for (var f : QUARANTINE_SCHEMA.fields()) {
      s = s.add("x_" + f.name(), f.dataType(), true);
    }
    return s;
  }

  private static org.apache.spark.sql.Column[] columns(StructType schema, String prefix) {
    return Arrays.stream(schema.fieldNames())
        .map(n -> org.apache.spark.sql.functions.col(prefix + n).as(n))
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  /** Executor side: parse, tokenize (one tokenizer per partition), shard. */
  static final class ParseAndTokenize implements FlatMapFunction<Iterator<Tuple2<String, Long>>, Row> {
    private static final long serialVersionUID = 1L;
    private final String dataset;
    private final String split;
    private final String file;
    private final LineParser<McQuestion> parser;
    private final String tokenizerName;
    private final Broadcast<byte[]> tokenizerJson;
    private final int shards;

    ParseAndTokenize(String dataset, String split, String file, LineParser<McQuestion> parser,
        String tokenizerName, Broadcast<byte[]> tokenizerJson, int shards) {
      this.dataset = dataset;
      this.split = split;
      this.file = file;
      this.parser = parser;
      this.tokenizerName = tokenizerName;
      this.tokenizerJson = tokenizerJson;
      this.shards = shards;
    }

    @Override
    public Iterator<Row> call(Iterator<Tuple2<String, Long>> lines) {
      List<Row> out = new ArrayList<>();
      try (TextTokenizer tokenizer = TextTokenizer.fromJson(new ByteArrayInputStream(tokenizerJson.value()))) {
        while (lines.hasNext()) {
          Tuple2<String, Long> line = lines.next();
          long lineNo = line._2() + 1;
          ParseOutcome<McQuestion> outcome = parser.parse(line._1());
          if (outcome instanceof ParseOutcome.Ok<McQuestion> ok) {
            out.add(exampleRow(ok.value(), McTokens.of(ok.value(), tokenizer), lineNo));
          } else {
            String reason = ((ParseOutcome.Malformed<McQuestion>) outcome).reason();
            out.add(quarantineRow(line._1(), reason, lineNo));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load tokenizer " + tokenizerName, e);
      }
      return out.iterator();
    }

    private Row exampleRow(McQuestion q, McTokens t, long lineNo) {
      Object[] v = new Object[BOTH_SCHEMA.size()];
      v[0] = true;
      Object[] e = {dataset, split, tokenizerName, q.id(), q.context(), q.question(),
          q.choices().toArray(new String[0]), q.label(), boxed(t.context()), boxed(t.firsts()),
          boxed(t.seconds()), Math.floorMod(q.id().hashCode(), shards), file, lineNo};
      System.arraycopy(e, 0, v, 1, e.length);
      return RowFactory.create(v);
    }

    private Row quarantineRow(String raw, String reason, long lineNo) {
      Object[] v = new Object[BOTH_SCHEMA.size()];
      v[0] = false;
      Object[] x = {dataset, split, file, lineNo, raw, reason};
      System.arraycopy(x, 0, v, 1 + EXAMPLE_SCHEMA.size(), x.length);
      return RowFactory.create(v);
    }
  }

  static Integer[] boxed(int[] ids) {
    Integer[] out = new Integer[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[i];
    }
    return out;
  }

  static Integer[][] boxed(int[][] ids) {
    Integer[][] out = new Integer[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      out[i] = boxed(ids[i]);
    }
    return out;
  }
}
