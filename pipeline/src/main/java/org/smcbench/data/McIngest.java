package org.smcbench.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one split of a multiple-choice dataset with Spark (a line-oriented file, or a folder of
 * whole-file records such as RACE's passages), parses each record, tokenizes valid questions with
 * the model's tokenizer on the executors, and returns examples and quarantined records as two
 * DataFrames over one cached pass.
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
  public static OutcomeRows.Split read(SparkSession spark, String dataset, String split, String file, String reader,
      String tokenizerName, Broadcast<byte[]> tokenizerJson, int shards) {
    McFormat format = McReaders.format(reader);
    JavaRDD<SourcedRecord> records;
    if (format instanceof McFormat.Lines lines) {
      LineParser<McQuestion> parser = lines.parser();
      records = spark.read().textFile(file).javaRDD().zipWithIndex()
          .map(l -> new SourcedRecord(file, l._2() + 1, l._1(), parser.parse(l._1())));
    } else {
      FileParser<McQuestion> parser = ((McFormat.Files) format).parser();
      records = JavaSparkContext.fromSparkContext(spark.sparkContext()).wholeTextFiles(file)
          .flatMap(f -> parser.parse(f._2()).stream()
              .map(p -> new SourcedRecord(f._1(), p.recordNo(), p.raw(), p.outcome())).iterator());
    }
    JavaRDD<Row> parsed = records.mapPartitions(new Tokenize(dataset, split, tokenizerName, tokenizerJson, shards));
    // One row type for both outcomes; the first column says which.
    return ROWS.split(spark.createDataFrame(parsed, ROWS.schema()).cache());
  }

  /** One parsed raw record and where it came from: its file and its line (or record) number there. */
  record SourcedRecord(String file, long recordNo, String raw, ParseOutcome<McQuestion> outcome)
      implements java.io.Serializable {}

  private static final OutcomeRows ROWS = new OutcomeRows(EXAMPLE_SCHEMA, QUARANTINE_SCHEMA);

  /** Executor side: tokenize valid questions (one tokenizer per partition), shard; malformed ones to quarantine. */
  static final class Tokenize implements FlatMapFunction<Iterator<SourcedRecord>, Row> {
    private static final long serialVersionUID = 1L;
    private final String dataset;
    private final String split;
    private final String tokenizerName;
    private final Broadcast<byte[]> tokenizerJson;
    private final int shards;

    Tokenize(String dataset, String split, String tokenizerName, Broadcast<byte[]> tokenizerJson, int shards) {
      this.dataset = dataset;
      this.split = split;
      this.tokenizerName = tokenizerName;
      this.tokenizerJson = tokenizerJson;
      this.shards = shards;
    }

    @Override
    public Iterator<Row> call(Iterator<SourcedRecord> records) {
      List<Row> out = new ArrayList<>();
      try (TextTokenizer tokenizer = TextTokenizer.fromJson(new ByteArrayInputStream(tokenizerJson.value()))) {
        while (records.hasNext()) {
          SourcedRecord r = records.next();
          if (r.outcome() instanceof ParseOutcome.Ok<McQuestion> ok) {
            out.add(exampleRow(ok.value(), McTokens.of(ok.value(), tokenizer), r));
          } else {
            out.add(quarantineRow(r, ((ParseOutcome.Malformed<McQuestion>) r.outcome()).reason()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load tokenizer " + tokenizerName, e);
      }
      return out.iterator();
    }

    private Row exampleRow(McQuestion q, McTokens t, SourcedRecord r) {
      return ROWS.example(dataset, split, tokenizerName, q.id(), q.context(), q.question(),
          q.choices().toArray(new String[0]), q.label(), boxed(t.context()), boxed(t.firsts()),
          boxed(t.seconds()), Math.floorMod(q.id().hashCode(), shards), r.file(), r.recordNo());
    }

    private Row quarantineRow(SourcedRecord r, String reason) {
      return ROWS.quarantined(dataset, split, r.file(), r.recordNo(), r.raw(), reason);
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
