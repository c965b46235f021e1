package org.smcbench.data.translation;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The lines of text files, each with its file and 1-based line number, read by Spark through
 * Hadoop (local or s3a://).
 *
 * <p>Lines end at {@code \n} only (Hadoop's default also splits at a lone {@code \r}, which
 * would shift every later line of a file against its translation); one trailing {@code \r} is
 * stripped, so CRLF files read as LF ones, and the text is otherwise kept as it is. A final
 * newline ends the last line and does not start another. Line numbers come from {@code
 * zipWithIndex} over each file's own RDD: Hadoop cuts one file into splits in offset order and
 * {@code zipWithIndex} numbers partitions in order, so numbering stays right if a large OPUS-100
 * train file spans several partitions, without pulling a file into one partition or one string
 * (as {@code wholeTextFiles} would).
 */
public final class NumberedLines {
  public static final StructType SCHEMA = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("line_no", DataTypes.LongType, false)
      .add("text", DataTypes.StringType, false);

  private NumberedLines() {}

  /** One row per line of every file (file, line_no, text); files are read once each, in the order given. */
  public static Dataset<Row> read(SparkSession spark, List<String> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    conf.set("textinputformat.record.delimiter", "\n");
    List<JavaRDD<Row>> perFile = new ArrayList<>();
    for (String file : files) {
      perFile.add(jsc.newAPIHadoopFile(file, TextInputFormat.class, LongWritable.class, Text.class, conf)
          .map(t -> withoutCarriageReturn(t._2().toString()))
          .zipWithIndex()
          .map(t -> RowFactory.create(file, t._2() + 1, t._1())));
    }
    JavaRDD<Row> all = perFile.isEmpty() ? jsc.emptyRDD() : jsc.union(perFile.toArray(JavaRDD[]::new));
    return spark.createDataFrame(all, SCHEMA);
  }

  static String withoutCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
