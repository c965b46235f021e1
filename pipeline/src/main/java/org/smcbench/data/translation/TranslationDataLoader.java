package org.smcbench.data.translation;

import static org.apache.spark.sql.functions.col;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.RunSpec;
import org.smcbench.data.SplitLoader;
import org.smcbench.model.ModelFamilies;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.task.translation.TranslationScoring;
import org.smcbench.task.translation.TranslationData;
import org.smcbench.task.translation.TranslationTask;

/**
 * Reads one translation dataset's train and evaluation pairs, tokenized for the run's model, from
 * {@code smc.parallel_text} at one Delta version, in file order per direction, and frames them as
 * mBART-50 does: source {@code [src_lang] X </s>}, target {@code [tgt_lang] Y </s>}, each cut to the
 * model's {@code max-seq-len}. {@code max-train-examples} / {@code max-eval-examples} cap every
 * direction (the first lines), so no direction is starved.
 *
 * <p>The runs' reference level ({@code chance}) is the copy-the-source BLEU of the evaluation
 * split, averaged over its directions as the run's BLEU is.
 */
public final class TranslationDataLoader {
  private TranslationDataLoader() {}

  public static SplitLoader.RunData load(Warehouse warehouse, DatasetSettings dataset, RunSpec spec) {
    if (!warehouse.exists(Tables.PARALLEL_TEXT)) {
      throw new IllegalStateException("table " + warehouse.qualified(Tables.PARALLEL_TEXT)
          + " does not exist: run `smc-bench ingest` first");
    }
    ModelSettings model = spec.model();
    byte[] tokenizer = tokenizerJson(warehouse, model);
    long version = warehouse.version(Tables.PARALLEL_TEXT);
    TranslationData train = read(warehouse, version, dataset, "train", model, tokenizer,
        spec.training().maxTrainExamples());
    TranslationData eval = read(warehouse, version, dataset, spec.evalSplit(), model, tokenizer,
        spec.training().maxEvalExamples());
    return new SplitLoader.RunData(train, eval, copyBleu(eval));
  }

  /** The model's {@code tokenizer.json}: the learned one in the warehouse, or the model's own. */
  public static byte[] tokenizerJson(Warehouse warehouse, ModelSettings model) {
    return model.learnsVocabulary() ? LearnedVocabularies.read(warehouse, model)
        : ModelFamilies.get(model.family()).tokenizerJson(model);
  }

  static TranslationData read(Warehouse warehouse, long version, DatasetSettings dataset, String split,
      ModelSettings model, byte[] tokenizerJson, int maxPerDirection) {
    Dataset<Row> rows = warehouse.spark().read().format("delta").option("versionAsOf", version)
        .load(warehouse.path(Tables.PARALLEL_TEXT))
        .where(col("dataset").equalTo(dataset.name()).and(col("split").equalTo(split))
            .and(col("tokenizer").equalTo(model.name())))
        .select("src_lang", "tgt_lang", "src", "tgt", "src_tokens", "tgt_tokens")
        .orderBy(col("src_lang"), col("tgt_lang"), col("corpus"), col("line_no"), col("example_id"));
    List<Row> collected = rows.collectAsList();
    if (collected.isEmpty()) {
      throw new IllegalStateException("no sentence pairs for dataset " + dataset.name() + " split " + split
          + " tokenized for " + model.name() + " in " + warehouse.qualified(Tables.PARALLEL_TEXT)
          + ": run `smc-bench ingest` for it");
    }
    List<String> directions = new ArrayList<>(dataset.parallelText().directions());
    Map<String, Integer> perDirection = new HashMap<>();
    List<int[]> sources = new ArrayList<>();
    List<int[]> targets = new ArrayList<>();
    List<Integer> direction = new ArrayList<>();
    List<String> references = new ArrayList<>();
    List<String> sourceTexts = new ArrayList<>();
    Map<String, Integer> languageIds = new LinkedHashMap<>();
    try (SubwordTokenizer tokenizer = SubwordTokenizer.fromJson(new ByteArrayInputStream(tokenizerJson))) {
      for (Row r : collected) {
        String name = r.getString(0) + "-" + r.getString(1);
        int seen = perDirection.merge(name, 1, Integer::sum);
        if (maxPerDirection > 0 && seen > maxPerDirection) {
          continue;
        }
        if (!directions.contains(name)) {
          directions.add(name); // pivot pairs (X <-> Y) follow the configured directions
        }
        int src = languageIds.computeIfAbsent(r.getString(0), l -> tokenizer.tokenId(Languages.of(l).mbart()));
        int tgt = languageIds.computeIfAbsent(r.getString(1), l -> tokenizer.tokenId(Languages.of(l).mbart()));
        sources.add(framed(src, ints(r.getList(4)), model.maxSeqLen()));
        targets.add(framed(tgt, ints(r.getList(5)), model.maxSeqLen()));
        direction.add(directions.indexOf(name));
        sourceTexts.add(r.getString(2));
        references.add(r.getString(3));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer of model " + model.name(), e);
    }
    return new TranslationData(List.copyOf(directions), direction.stream().mapToInt(Integer::intValue).toArray(),
        sources.toArray(int[][]::new), targets.toArray(int[][]::new), references.toArray(String[]::new),
        sourceTexts.toArray(String[]::new), tokenizerJson, SubwordTokenizer.vocabularySize(tokenizerJson), version);
  }

  /** Copy-the-source BLEU averaged over the directions of {@code data}. */
  static double copyBleu(TranslationData data) {
    double sum = 0;
    int scored = 0;
    for (int d = 0; d < data.directions().size(); d++) {
      List<String> hyp = new ArrayList<>();
      List<String> ref = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        if (data.direction()[i] == d) {
          hyp.add(data.sources()[i]);
          ref.add(data.references()[i]);
        }
      }
      if (!hyp.isEmpty()) {
        sum += TranslationScoring.bleuFor(data.targetLanguage(d)).corpusScore(hyp, ref).score();
        scored++;
      }
    }
    return sum / scored;
  }

  /** {@code [lang] tokens </s>}, the tokens cut so the whole fits {@code maxLength}. */
  static int[] framed(int language, int[] tokens, int maxLength) {
    int body = Math.min(tokens.length, maxLength - 2);
    int[] out = new int[body + 2];
    out[0] = language;
    System.arraycopy(tokens, 0, out, 1, body);
    out[body + 1] = TranslationTask.EOS;
    return out;
  }

  private static int[] ints(List<Object> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Integer) values.get(i);
    }
    return out;
  }
}
