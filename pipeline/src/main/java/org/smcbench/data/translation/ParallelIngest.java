package org.smcbench.data.translation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smcbench.data.DataPaths;
import org.smcbench.data.OutcomeRows;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * Reads one split of a parallel corpus with Spark into {@code smc.parallel_text}, one row per
 * aligned sentence and direction, and what cannot be aligned into {@code smc.quarantine}.
 *
 * <p>For every configured language X, X → pivot and pivot → X rows of the same line; with
 * {@code pivotPairs} also X ↔ Y for every two languages, from the same line in multi-way data
 * (FLORES-200) or derived through the pivot's text in bilingual data (OPUS-100,
 * OPUS-MT-testsets). Every file is read once, with line numbers, into a cached table; a pair whose
 * two files differ in length is quarantined whole, an aligned line with an empty side once (see
 * {@link AlignedLines}). Text is kept exactly as in the file; token ids are added by the
 * tokenization step, not here.
 */
public final class ParallelIngest {
  public static final List<String> EXAMPLE_KEYS = List.of("dataset", "split", "src_lang", "tgt_lang", "example_id");
  public static final List<String> QUARANTINE_KEYS = List.of("source_file", "record_no");

  public static final StructType EXAMPLE_SCHEMA = new StructType()
      .add("dataset", DataTypes.StringType, false)
      .add("split", DataTypes.StringType, false)
      .add("src_lang", DataTypes.StringType, false)
      .add("tgt_lang", DataTypes.StringType, false)
      // Test-set name ("newstest2014"), FLORES split ("devtest") or OPUS-100 file stem ("opus.en-fr-train").
      .add("corpus", DataTypes.StringType, false)
      // 1-based line of the source sentence in src_file.
      .add("line_no", DataTypes.LongType, false)
      // "<corpus>:<line_no>"; for X ↔ Y pairs derived through the pivot "<src corpus>:<line>|<tgt corpus>:<line>".
      .add("example_id", DataTypes.StringType, false)
      .add("src", DataTypes.StringType, false)
      .add("tgt", DataTypes.StringType, false)
      .add("src_file", DataTypes.StringType, false)
      .add("tgt_file", DataTypes.StringType, false);

  /** Rows written by {@link #upsert}. */
  public record Counts(long landed, long quarantined) {}

  private ParallelIngest() {}

  /**
   * Rows of {@code split} of the corpus under {@code root} in {@code layout} ({@link
   * ParallelLayouts}) for {@code languages} (any code {@link Languages#of} knows; the pivot itself
   * is skipped if listed) with {@code pivot}. A language without a file fails before any Spark job,
   * naming the language and the path looked in.
   */
  public static OutcomeRows.Split read(SparkSession spark, String dataset, String split, String layout, String root,
      List<String> languages, String pivot, boolean pivotPairs) {
    ParallelLayout format = ParallelLayouts.get(layout);
    Language pivotLanguage = Languages.of(pivot);
    List<Language> others = Languages.of(languages).stream().filter(l -> !l.equals(pivotLanguage)).distinct().toList();
    if (others.isEmpty()) {
      throw new IllegalArgumentException(dataset + ": no language to pair with the pivot " + pivotLanguage.iso1()
          + " in " + languages);
    }
    String base = DataPaths.absolute(root);
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    LayoutFiles files = format.files(new HadoopListing(spark.sparkContext().hadoopConfiguration()), base, split,
        others, pivotLanguage);

    Dataset<Row> lines = NumberedLines.read(spark, distinctFiles(files)).cache();
    AlignedLines.Result aligned = AlignedLines.of(spark, dataset, split, files, format.multiWay(), lines);
    Dataset<Row> examples = DirectionRows.of(aligned.aligned(), dataset, split);
    if (pivotPairs) {
      examples = examples.unionByName(format.multiWay()
          ? PivotPairs.sameLine(aligned.aligned(), dataset, split)
          : PivotPairs.throughPivot(aligned.aligned(), dataset, split));
    }
    return new OutcomeRows.Split(examples, aligned.quarantine());
  }

  /** MERGEs one read into {@code parallel_text} and {@code quarantine}; re-running changes nothing. */
  public static Counts upsert(Warehouse warehouse, OutcomeRows.Split result) {
    long landed = result.examples().count();
    long bad = result.quarantine().count();
    warehouse.upsert(Tables.PARALLEL_TEXT, result.examples(), EXAMPLE_KEYS);
    if (bad > 0) {
      warehouse.upsert(Tables.QUARANTINE, result.quarantine(), QUARANTINE_KEYS);
    }
    return new Counts(landed, bad);
  }

  /** {@code sides} (src_lang, tgt_lang, corpus, line_no, example_id, src, tgt, src_file, tgt_file) as table rows. */
  static Dataset<Row> rows(Dataset<Row> sides, String dataset, String split) {
    return sides.select(lit(dataset).as("dataset"), lit(split).as("split"), col("src_lang"), col("tgt_lang"),
        col("corpus"), col("line_no"), col("example_id"), col("src"), col("tgt"), col("src_file"), col("tgt_file"));
  }

  private static List<String> distinctFiles(LayoutFiles files) {
    Set<String> all = new LinkedHashSet<>();
    for (PairFiles p : files.pairs()) {
      all.add(p.file());
      all.add(p.pivotFile());
    }
    for (UnpairedFile f : files.unpaired()) {
      all.add(f.file());
    }
    return new ArrayList<>(all);
  }
}
