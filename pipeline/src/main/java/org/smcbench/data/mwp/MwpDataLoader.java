package org.smcbench.data.mwp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.RunSpec;
import org.smcbench.data.SplitLoader;
import org.smcbench.data.TextTokenizer;
import org.smcbench.model.ModelFamilies;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.task.mwp.MwpData;
import org.smcbench.task.mwp.MwpDataBuilder;
import org.smcbench.task.mwp.MwpProblem;

/**
 * Reads one (dataset, fold)'s train and evaluation problems from {@code smc.mwp_examples} at one
 * Delta version, in a fixed pseudo-random order (hash of the problem id, optionally capped), and
 * encodes both with vocabularies built from the train split alone.
 *
 * <p>Minimum counts follow GTS: words seen fewer than 5 times in train become {@code <unk>}, and
 * constants of the train equations are generated only when they occur at least 5 times. With
 * pretrained input embeddings ({@code embeddings-from}) every train word is kept, since its row
 * is not learned from its few occurrences.
 *
 * <p>The runs' reference level ({@code chance}) is the most-frequent-template baseline of this
 * train split on this evaluation split ({@link TemplateBaseline}): generated equations have no
 * chance level, and the leaderboard's p-value then says whether a model beats the trivial answer.
 */
public final class MwpDataLoader {
  public static final int WORD_MIN_COUNT = 5;
  public static final int CONSTANT_MIN_COUNT = 5;

  private MwpDataLoader() {}

  public static SplitLoader.RunData load(Warehouse warehouse, DatasetSettings dataset, RunSpec spec) {
    if (!warehouse.exists(Tables.MWP_EXAMPLES)) {
      throw new IllegalStateException("table " + warehouse.qualified(Tables.MWP_EXAMPLES)
          + " does not exist: run `smc-bench ingest` first");
    }
    long version = warehouse.version(Tables.MWP_EXAMPLES);
    List<MwpRecord> trainRecords = new ArrayList<>();
    List<MwpRecord> evalRecords = new ArrayList<>();
    List<MwpProblem> train = problems(warehouse, version, spec.dataset(), spec.fold(), "train",
        spec.training().maxTrainExamples(), trainRecords);
    List<MwpProblem> eval = problems(warehouse, version, spec.dataset(), spec.fold(), spec.evalSplit(),
        spec.training().maxEvalExamples(), evalRecords);
    double baseline = TemplateBaseline.run(trainRecords, evalRecords).devAccuracy();
    int wordMinCount = spec.model().embeddingSource() != null ? 1 : WORD_MIN_COUNT;
    MwpDataBuilder.Vocabularies vocab = MwpDataBuilder.vocabularies(train, wordMinCount, CONSTANT_MIN_COUNT);
    if (!spec.model().embedsWithEncoder()) {
      return encode(spec, train, eval, vocab, version, null, baseline);
    }
    ModelSettings source = spec.model().embeddingSource();
    byte[] json = ModelFamilies.get(source.family()).tokenizerJson(source);
    try (TextTokenizer tokenizer = TextTokenizer.fromJson(new ByteArrayInputStream(json))) {
      return encode(spec, train, eval, vocab, version, new MwpDataBuilder.SubwordEncoder(tokenizer::encode,
          tokenizer.clsId(), tokenizer.sepId(), tokenizer.padId()), baseline);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer of " + source.name(), e);
    }
  }

  private static SplitLoader.RunData encode(RunSpec spec, List<MwpProblem> train, List<MwpProblem> eval,
      MwpDataBuilder.Vocabularies vocab, long version, MwpDataBuilder.SubwordEncoder subwords, double baseline) {
    MwpData trainData = MwpDataBuilder.encode(train, vocab, true, version, subwords);
    if (trainData.size() == 0) {
      throw new IllegalStateException(spec.dataset() + " fold '" + spec.fold() + "': no train problem is expressible"
          + " with the train vocabulary");
    }
    return new SplitLoader.RunData(trainData, MwpDataBuilder.encode(eval, vocab, false, version, subwords),
        baseline);
  }

  /** The problems of one split in load order; their records are appended to {@code records}. */
  static List<MwpProblem> problems(Warehouse warehouse, long version, String dataset, String fold, String split,
      int maxExamples, List<MwpRecord> records) {
    Dataset<Row> rows = warehouse.spark().read().format("delta").option("versionAsOf", version)
        .load(warehouse.path(Tables.MWP_EXAMPLES))
        .where(col("dataset").equalTo(dataset).and(col("fold").equalTo(fold)).and(col("split").equalTo(split)))
        .orderBy(xxhash64(col("problem_id")), col("problem_id"))
        .select("problem_id", "question_tokens", "numbers", "equation", "answer", "content_hash", "quantity_cells");
    if (maxExamples > 0) {
      rows = rows.limit(maxExamples);
    }
    List<Row> collected = rows.collectAsList();
    if (collected.isEmpty()) {
      throw new IllegalStateException("no problems for dataset " + dataset + " fold '" + fold + "' split " + split
          + " in " + warehouse.qualified(Tables.MWP_EXAMPLES) + ": run `smc-bench ingest` for it");
    }
    List<MwpProblem> problems = new ArrayList<>(collected.size());
    for (Row r : collected) {
      MwpRecord record = MwpIngest.record(r);
      records.add(record);
      problems.add(new MwpProblem(r.getString(0), record.questionTokens(), record.numberArray(), record.equation(),
          record.answer(), record.quantityCells().stream().mapToInt(Integer::intValue).toArray()));
    }
    return problems;
  }
}
