package org.smcbench.data.protein;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smcbench.data.McIngest;
import org.smcbench.data.OutcomeRows;
import org.smcbench.data.ParseOutcome;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * Reads protein datasets with Spark into {@code smc.protein_examples} (one row per dataset, fold,
 * split and sequence id, with ESM token ids) and their malformed records into {@code
 * smc.quarantine}, over one cached pass per file.
 *
 * <ul>
 *   <li><b>HotProtein</b>: a multi-FASTA of every sequence (split into records on "\n>" by Hadoop,
 *       each record parsed by BioJava) and, per fold, a pickle naming the train and test sequences
 *       with their labels (or temperatures, binned by the dataset's class thresholds). A name with
 *       no valid sequence is quarantined with the reason; a duplicate FASTA id too (the first is kept).
 *   <li><b>FLIP</b> (Meltome): one CSV of {@code sequence,target,set[,validation]}; the target is
 *       the melting temperature, and a label when the dataset bins it into classes.
 * </ul>
 */
public final class ProteinIngest {
  public static final List<String> EXAMPLE_KEYS = List.of("dataset", "fold", "split", "id");
  public static final List<String> QUARANTINE_KEYS = List.of("source_file", "record_no");

  public static final StructType EXAMPLE_SCHEMA = new StructType()
      .add("dataset", DataTypes.StringType, false)
      .add("fold", DataTypes.StringType, false)
      .add("split", DataTypes.StringType, false)
      .add("id", DataTypes.StringType, false)
      .add("sequence", DataTypes.StringType, false)
      .add("label", DataTypes.IntegerType, true)
      .add("target", DataTypes.DoubleType, true)
      .add("tokens", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("source_file", DataTypes.StringType, false)
      .add("record_no", DataTypes.LongType, false)
      // Structure datasets: x, y, z in Å of each residue's Cα, 3 per residue in sequence order.
      .add("ca", DataTypes.createArrayType(DataTypes.FloatType, false), true);

  private static final OutcomeRows ROWS = new OutcomeRows(EXAMPLE_SCHEMA, McIngest.QUARANTINE_SCHEMA);

  /** One fold file's membership: fold, split, id, value, file, position in the file. */
  private static final StructType MEMBERS = new StructType()
      .add("fold", DataTypes.StringType, false)
      .add("split", DataTypes.StringType, false)
      .add("member_id", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, false)
      .add("member_file", DataTypes.StringType, false)
      .add("member_no", DataTypes.LongType, false);

  private ProteinIngest() {}

  /** One fold's split file of a HotProtein dataset, path already resolved. */
  public record FoldFile(String fold, String file) {}

  /** Rows written by {@link #upsert}. */
  public record Counts(long landed, long quarantined) {}

  /**
   * A HotProtein dataset: the FASTA and every fold's split pickle. {@code thresholds} bins the
   * pickles' values into classes when they are temperatures; empty means they are labels.
   */
  public static OutcomeRows.Split readHotProtein(SparkSession spark, String dataset, String fasta,
      List<FoldFile> folds, List<Double> thresholds) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    conf.set("textinputformat.record.delimiter", "\n>");
    JavaRDD<Row> parsed = jsc.newAPIHadoopFile(fasta, TextInputFormat.class, LongWritable.class, Text.class, conf)
        .map(t -> t._2().toString()).zipWithIndex()
        .map(t -> fastaRow(dataset, fasta, t._2() + 1, t._1()));
    Dataset<Row> fastaRows = spark.createDataFrame(parsed, FASTA_OUTCOME).cache();
    // The first record of an id is its sequence; later ones are quarantined as duplicates.
    Dataset<Row> ranked = fastaRows.where("ok").withColumn("rank", functions.row_number().over(
        Window.partitionBy("id").orderBy("fasta_record")));
    Dataset<Row> sequences = ranked.where("rank = 1").select("id", "sequence", "tokens", "fasta_record");
    Dataset<Row> duplicates = ranked.where("rank > 1").select(
        functions.lit(dataset).as("dataset"), functions.lit("").as("split"), functions.lit(fasta).as("source_file"),
        functions.col("fasta_record").as("record_no"), functions.col("id").as("raw"),
        functions.concat(functions.lit("duplicate FASTA id '"), functions.col("id"),
            functions.lit("': its first record is kept")).as("reason"));
    Dataset<Row> badFasta = fastaRows.where("NOT ok").select("dataset", "split", "source_file", "record_no", "raw",
        "reason");

    Dataset<Row> joined = members(spark, folds)
        .join(sequences, functions.col("member_id").equalTo(sequences.col("id")), "left");
    Dataset<Row> missing = missing(joined, dataset, fasta);
    Dataset<Row> examples = examples(joined, dataset, thresholds,
        functions.lit(null).cast(DataTypes.createArrayType(DataTypes.FloatType, false)));
    return new OutcomeRows.Split(examples, badFasta.unionByName(duplicates).unionByName(missing));
  }

  /**
   * An HP-S²C5-style dataset: a folder of structure files (one per protein, named by its id) read
   * on the executors with BioJava, and every fold's split pickle. The model reads the residues that
   * have a Cα (the structure's own sequence) with their coordinates; an unreadable structure, or a
   * name without one, is quarantined with the reason.
   */
  public static OutcomeRows.Split readStructures(SparkSession spark, String dataset, String folder,
      List<FoldFile> folds, List<Double> thresholds) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> parsed = jsc.binaryFiles(folder).map(f -> structureRow(dataset, f._1(), f._2().toArray()));
    Dataset<Row> files = spark.createDataFrame(parsed, STRUCTURE_OUTCOME).cache();
    Dataset<Row> structures = files.where("ok").select("id", "sequence", "tokens", "ca");
    Dataset<Row> bad = files.where("NOT ok").select("dataset", "split", "source_file", "record_no", "raw", "reason");
    Dataset<Row> joined = members(spark, folds)
        .join(structures, functions.col("member_id").equalTo(structures.col("id")), "left");
    Dataset<Row> missing = missing(joined, dataset, folder);
    Dataset<Row> examples = examples(joined, dataset, thresholds, functions.col("ca"));
    return new OutcomeRows.Split(examples, bad.unionByName(missing));
  }

  /** protein_examples rows of the members that found their entry. */
  private static Dataset<Row> examples(Dataset<Row> joined, String dataset, List<Double> thresholds,
      org.apache.spark.sql.Column ca) {
    return joined.where("id IS NOT NULL").select(
        functions.lit(dataset).as("dataset"), functions.col("fold"), functions.col("split"), functions.col("id"),
        functions.col("sequence"),
        labelColumn(functions.col("value"), thresholds).as("label"),
        (thresholds.isEmpty() ? functions.lit(null).cast("double") : functions.col("value")).as("target"),
        functions.col("tokens"),
        functions.col("member_file").as("source_file"), functions.col("member_no").as("record_no"),
        ca.as("ca"));
  }

  /** Every fold file's members: fold, split, id, value, file and position in the file. */
  private static Dataset<Row> members(SparkSession spark, List<FoldFile> folds) {
    List<Row> members = new ArrayList<>();
    for (FoldFile f : folds) {
      HotProteinFold fold = readFold(f.file(), spark.sparkContext().hadoopConfiguration());
      long no = 0;
      for (int i = 0; i < fold.trainNames().size(); i++) {
        members.add(RowFactory.create(f.fold(), "train", fold.trainNames().get(i), fold.trainValues().get(i), f.file(),
            ++no));
      }
      for (int i = 0; i < fold.testNames().size(); i++) {
        members.add(RowFactory.create(f.fold(), "test", fold.testNames().get(i), fold.testValues().get(i), f.file(),
            ++no));
      }
    }
    return spark.createDataFrame(members, MEMBERS);
  }

  /** Quarantine rows for the members that found no sequence (or structure) in {@code source}. */
  private static Dataset<Row> missing(Dataset<Row> joined, String dataset, String source) {
    return joined.where("id IS NULL").select(
        functions.lit(dataset).as("dataset"), functions.concat(functions.lit("fold"), functions.col("fold"),
            functions.lit("/"), functions.col("split")).as("split"),
        functions.col("member_file").as("source_file"), functions.col("member_no").as("record_no"),
        functions.col("member_id").as("raw"),
        functions.concat(functions.lit("name '"), functions.col("member_id"), functions.lit("' in fold "),
            functions.col("fold"), functions.lit(" "), functions.col("split"),
            functions.lit(" has no valid entry in " + source)).as("reason"));
  }

  /** A FLIP task CSV; {@code thresholds} bins its target into class labels (empty: regression only). */
  public static OutcomeRows.Split readFlip(SparkSession spark, String dataset, String file, List<Double> thresholds) {
    FlipCsvParser parser = FlipCsvParser.forHeader(file, org.smcbench.data.DataPaths.firstLine(file, spark.sparkContext().hadoopConfiguration()));
    double[] bins = thresholds.stream().mapToDouble(Double::doubleValue).toArray();
    JavaRDD<Row> rows = spark.read().textFile(file).javaRDD().zipWithIndex()
        .filter(l -> l._2() > 0)
        .map(l -> {
          long lineNo = l._2() + 1;
          ParseOutcome<FlipRecord> outcome = parser.parse(lineNo, l._1());
          if (outcome instanceof ParseOutcome.Ok<FlipRecord> ok) {
            FlipRecord r = ok.value();
            Integer label = bins.length == 0 ? null : classOf(r.target(), bins);
            return ROWS.example(dataset, "", r.split(), dataset + ":" + lineNo, r.sequence(), label, r.target(),
                boxed(EsmAlphabet.encode(r.sequence(), 0)), file, lineNo, null);
          }
          return ROWS.quarantined(dataset, "", file, lineNo, l._1(), ((ParseOutcome.Malformed<FlipRecord>) outcome).reason());
        });
    return ROWS.split(spark.createDataFrame(rows, ROWS.schema()).cache());
  }

  /** MERGEs one read into {@code protein_examples} and {@code quarantine}; re-running changes nothing. */
  public static Counts upsert(Warehouse warehouse, OutcomeRows.Split result) {
    long landed = result.examples().count();
    long bad = result.quarantine().count();
    warehouse.upsert(Tables.PROTEIN_EXAMPLES, result.examples(), EXAMPLE_KEYS);
    if (bad > 0) {
      warehouse.upsert(Tables.QUARANTINE, result.quarantine(), QUARANTINE_KEYS);
    }
    return new Counts(landed, bad);
  }

  /** Class of {@code value}: the number of (ascending) thresholds at or below it. */
  public static int classOf(double value, double[] thresholds) {
    int k = 0;
    while (k < thresholds.length && value >= thresholds[k]) {
      k++;
    }
    return k;
  }

  private static org.apache.spark.sql.Column labelColumn(org.apache.spark.sql.Column value, List<Double> thresholds) {
    if (thresholds.isEmpty()) {
      return value.cast("int");
    }
    org.apache.spark.sql.Column label = functions.lit(0);
    for (double t : thresholds) {
      label = label.plus(functions.when(value.geq(t), 1).otherwise(0));
    }
    return label;
  }

  /** Outcome of one FASTA record: ok + (id, sequence) or the quarantine columns. */
  private static final StructType FASTA_OUTCOME = new StructType()
      .add("ok", DataTypes.BooleanType, false)
      .add("id", DataTypes.StringType, true)
      .add("sequence", DataTypes.StringType, true)
      .add("tokens", DataTypes.createArrayType(DataTypes.IntegerType, false), true)
      .add("fasta_record", DataTypes.LongType, false)
      .add("dataset", DataTypes.StringType, false)
      .add("split", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("record_no", DataTypes.LongType, false)
      .add("raw", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true);

  /** Outcome of one structure file: ok + (id, sequence, tokens, ca) or the quarantine columns. */
  private static final StructType STRUCTURE_OUTCOME = new StructType()
      .add("ok", DataTypes.BooleanType, false)
      .add("id", DataTypes.StringType, true)
      .add("sequence", DataTypes.StringType, true)
      .add("tokens", DataTypes.createArrayType(DataTypes.IntegerType, false), true)
      .add("ca", DataTypes.createArrayType(DataTypes.FloatType, false), true)
      .add("dataset", DataTypes.StringType, false)
      .add("split", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("record_no", DataTypes.LongType, false)
      .add("raw", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true);

  /** The protein id a structure file stands for: its name without the format extensions. */
  static String structureId(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    name = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static Row structureRow(String dataset, String path, byte[] bytes) {
    try {
      CaStructure s = CaStructure.read(new java.io.ByteArrayInputStream(bytes), path, null);
      Float[] ca = new Float[s.ca().length * 3];
      for (int i = 0; i < s.ca().length; i++) {
        for (int d = 0; d < 3; d++) {
          ca[3 * i + d] = s.ca()[i][d];
        }
      }
      return RowFactory.create(true, structureId(path), s.sequence(), boxed(EsmAlphabet.encode(s.sequence(), 0)), ca,
          dataset, "", path, 0L, null, null);
    } catch (IOException | RuntimeException e) {
      return RowFactory.create(false, null, null, null, null, dataset, "", path, 0L, structureId(path),
          "structure file is unreadable: " + e.getMessage());
    }
  }

  private static Row fastaRow(String dataset, String file, long recordNo, String text) {
    ParseOutcome<ProteinSequenceRecord> outcome = FastaRecords.parse(text);
    if (outcome instanceof ParseOutcome.Ok<ProteinSequenceRecord> ok) {
      return RowFactory.create(true, ok.value().id(), ok.value().sequence(),
          boxed(EsmAlphabet.encode(ok.value().sequence(), 0)), recordNo, dataset, "", file, recordNo, null, null);
    }
    String raw = text.length() > 2000 ? text.substring(0, 2000) : text;
    return RowFactory.create(false, null, null, null, recordNo, dataset, "", file, recordNo, raw,
        ((ParseOutcome.Malformed<ProteinSequenceRecord>) outcome).reason());
  }

  private static HotProteinFold readFold(String file, Configuration hadoop) {
    Path path = new Path(file);
    try (InputStream in = path.getFileSystem(hadoop).open(path)) {
      return HotProteinFold.read(in, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fold file " + file, e);
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
