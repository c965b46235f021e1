package org.smcbench.pretrain;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.Settings;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.sweep.GpuScheduling;

/**
 * The pre-training job: for every sweep model whose checkpoint-format is {@value
 * ModelSettings#MLM_PRETRAIN}, masked-LM pre-training on the train sequences of its corpus
 * (de-duplicated; 5 % of them, chosen by hash, held out to score it), run as one Spark task,
 * the checkpoint written under the warehouse and registered in {@code smc.pretrained_checkpoints}
 * (MERGE on model and pre-training key) with its provenance. A model whose key is registered is
 * skipped: pre-training runs once per setting.
 */
public final class PretrainJob {
  /** Share of the corpus held out for the masked-LM score, by hash of the sequence. */
  static final int HELD_OUT_PERCENT = 5;

  static final StructType SCHEMA = new StructType()
      .add("model", DataTypes.StringType, false)
      .add("pretrain_key", DataTypes.StringType, false)
      .add("location", DataTypes.StringType, false)
      .add("corpus", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("train_sequences", DataTypes.LongType, false)
      .add("held_out_sequences", DataTypes.LongType, false)
      .add("steps", DataTypes.IntegerType, false)
      .add("last_loss", DataTypes.DoubleType, false)
      .add("mlm_accuracy", DataTypes.DoubleType, false)
      .add("mlm_loss", DataTypes.DoubleType, false)
      .add("unigram_accuracy", DataTypes.DoubleType, false)
      .add("source_version", DataTypes.LongType, false)
      .add("code_version", DataTypes.StringType, false)
      .add("device", DataTypes.StringType, false)
      .add("seconds", DataTypes.DoubleType, false)
      .add("created_ms", DataTypes.LongType, false);

  private PretrainJob() {}

  /** One model's outcome, for the summary. */
  public record Outcome(String model, String key, boolean skipped, Row row) {}

  public static List<Outcome> run(Settings settings, Warehouse warehouse, PrintStream out, String codeVersion) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String name : settings.sweep().models()) {
      ModelSettings model = settings.model(name);
      if (!model.pretrainedByPipeline()) {
        continue;
      }
      model = PretrainedCheckpoints.withCorpus(settings, model);
      String key = PretrainedCheckpoints.key(model);
      if (registered(warehouse, name, key)) {
        out.printf("pretrain %-10s key=%s already pre-trained: skipped%n", name, key);
        outcomes.add(new Outcome(name, key, true, null));
        continue;
      }
      Row row = ModelSettings.DENOISE_PRETRAIN.equals(model.checkpointFormat())
          ? pretrainDenoising(settings, warehouse, model, key, out, codeVersion)
          : pretrain(settings, warehouse, model, key, out, codeVersion);
      outcomes.add(new Outcome(name, key, false, row));
    }
    return outcomes;
  }

  /** Sentences per pre-training document at most (mBART packs documents; ours are consecutive lines). */
  static final int DOCUMENT_SENTENCES = 3;

  /**
   * mBART-style denoising pre-training of an encoder-decoder on the monolingual sides of its
   * corpus' train splits (every sentence once per language, tokenized for the model), packed into
   * documents of up to {@value #DOCUMENT_SENTENCES} consecutive lines of one language and corpus.
   */
  private static Row pretrainDenoising(Settings settings, Warehouse warehouse, ModelSettings model, String key,
      PrintStream out, String codeVersion) {
    if (!warehouse.exists(Tables.PARALLEL_TEXT)) {
      throw new IllegalStateException("table " + warehouse.qualified(Tables.PARALLEL_TEXT)
          + " does not exist: run `smc-bench ingest` before `smc-bench pretrain`");
    }
    long version = warehouse.version(Tables.PARALLEL_TEXT);
    List<String> corpus = model.pretrain().datasets();
    if (corpus.isEmpty()) {
      throw new IllegalStateException("model " + model.name() + ": the pre-training corpus is empty (no sweep dataset"
          + " of its tasks, and pretrain.datasets is empty)");
    }
    List<String> names = corpus.stream().map(e -> e.contains("/") ? e.substring(0, e.indexOf('/')) : e).toList();
    Dataset<Row> sentences = warehouse.spark().read().format("delta").option("versionAsOf", version)
        .load(warehouse.path(Tables.PARALLEL_TEXT))
        .where(col("dataset").isin(names.toArray()).and(col("split").equalTo("train"))
            .and(col("tokenizer").equalTo(model.name())))
        .select("src_lang", "corpus", "line_no", "src", "src_tokens")
        .dropDuplicates("src_lang", "corpus", "line_no", "src")
        .orderBy("src_lang", "corpus", "line_no");
    byte[] tokenizerJson = org.smcbench.data.translation.TranslationDataLoader.tokenizerJson(warehouse, model);
    int maskId;
    java.util.Map<String, Integer> languageIds = new java.util.HashMap<>();
    List<int[][]> train = new ArrayList<>();
    List<int[][]> heldOut = new ArrayList<>();
    List<Integer> trainLanguages = new ArrayList<>();
    List<Integer> heldOutLanguages = new ArrayList<>();
    try (org.smcbench.data.translation.SubwordTokenizer tokenizer = org.smcbench.data.translation.SubwordTokenizer
        .fromJson(new java.io.ByteArrayInputStream(tokenizerJson))) {
      maskId = tokenizer.tokenId("<mask>");
      List<int[]> document = new ArrayList<>();
      String documentKey = null;
      int documentTokens = 0;
      String firstSentence = null;
      List<Row> rows = sentences.collectAsList();
      for (int i = 0; i <= rows.size(); i++) {
        Row r = i < rows.size() ? rows.get(i) : null;
        int[] tokens = r == null ? null : r.getList(4).stream().mapToInt(v -> (Integer) v).toArray();
        String rowKey = r == null ? null : r.getString(0) + "\u0000" + r.getString(1);
        boolean full = r != null && (document.size() == DOCUMENT_SENTENCES
            || documentTokens + tokens.length > model.maxSeqLen() - 2);
        if (!document.isEmpty() && (r == null || !rowKey.equals(documentKey) || full)) {
          String lang = documentKey.substring(0, documentKey.indexOf('\u0000'));
          int languageId = languageIds.computeIfAbsent(lang,
              l -> tokenizer.tokenId(org.smcbench.data.translation.Languages.of(l).mbart()));
          boolean held = Math.floorMod(firstSentence.hashCode(), 100) < HELD_OUT_PERCENT;
          (held ? heldOut : train).add(document.toArray(int[][]::new));
          (held ? heldOutLanguages : trainLanguages).add(languageId);
          document = new ArrayList<>();
          documentTokens = 0;
        }
        if (r == null) {
          break;
        }
        if (tokens.length == 0) {
          continue;
        }
        if (document.isEmpty()) {
          firstSentence = r.getString(3);
        }
        documentKey = rowKey;
        document.add(tokens);
        documentTokens += tokens.length;
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the tokenizer of model " + model.name(), e);
    }
    if (train.isEmpty() || heldOut.isEmpty()) {
      throw new IllegalStateException("model " + model.name() + ": the pre-training corpus " + corpus + " has "
          + train.size() + " train and " + heldOut.size() + " held-out documents in "
          + warehouse.qualified(Tables.PARALLEL_TEXT) + ": run `smc-bench ingest` for those datasets");
    }
    String location = PretrainedCheckpoints.location(warehouse.root(), model);
    out.printf("pretrain %-10s key=%s corpus=%s documents=%d held-out=%d steps=%d -> %s%n", model.name(), key, corpus,
        train.size(), heldOut.size(), model.pretrain().steps(), location);
    org.smcbench.config.PretrainSettings p = model.pretrain();
    DenoisePretrainTask task = new DenoisePretrainTask(model,
        new DenoisingData(train.toArray(int[][][]::new), trainLanguages.stream().mapToInt(Integer::intValue).toArray(),
            p.maskProbability(), maskId, model.maxSeqLen(), p.seed(), false, version),
        new DenoisingData(heldOut.toArray(int[][][]::new),
            heldOutLanguages.stream().mapToInt(Integer::intValue).toArray(), p.maskProbability(), maskId,
            model.maxSeqLen(), p.seed() + 1, true, version),
        org.smcbench.data.translation.SubwordTokenizer.vocabularySize(tokenizerJson), tokenizerJson, location,
        settings.compute().device(), settings.compute().threads());
    PretrainTask.Result result = runOnExecutor(warehouse, model, task);
    return register(warehouse, model, key, location, corpus, train.size(), heldOut.size(), result, version,
        codeVersion, out, "reconstruction token accuracy", "most frequent token");
  }

  /** Runs one pre-training as a single Spark task; the task (and its corpus) travels as a broadcast. */
  private static PretrainTask.Result runOnExecutor(Warehouse warehouse, ModelSettings model, Pretraining task) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext());
    jsc.setJobDescription("pretrain " + model.name());
    org.apache.spark.broadcast.Broadcast<Pretraining> shipped = jsc.broadcast(task);
    JavaRDD<Integer> stage = jsc.parallelize(List.of(0), 1);
    Optional<ResourceProfile> gpu = GpuScheduling.trainingProfile(task.device(), jsc.sc());
    if (gpu.isPresent()) {
      stage = stage.withResources(gpu.get());
    }
    PretrainTask.Result result = stage.map(i -> shipped.value().run()).collect().get(0);
    shipped.destroy();
    return result;
  }

  private static Row register(Warehouse warehouse, ModelSettings model, String key, String location,
      List<String> corpus, long trainSize, long heldOutSize, PretrainTask.Result result, long version,
      String codeVersion, PrintStream out, String accuracyName, String baselineName) {
    Row row = RowFactory.create(model.name(), key, location, corpus.toArray(new String[0]), trainSize, heldOutSize,
        result.steps(), result.lastLoss(), result.heldOutMetrics().get("mlm_accuracy"),
        result.heldOutMetrics().get("mlm_loss"), result.heldOutMetrics().get("unigram_accuracy"), version, codeVersion,
        result.device(), result.seconds(), System.currentTimeMillis());
    warehouse.upsert(Tables.PRETRAINED, warehouse.spark().createDataFrame(List.of(row), SCHEMA),
        List.of("model", "pretrain_key"));
    out.printf("pretrain %-10s done in %.1f s: held-out %s %.4f (%s %.4f), loss %.4f%n", model.name(),
        result.seconds(), accuracyName, result.heldOutMetrics().get("mlm_accuracy"), baselineName,
        result.heldOutMetrics().get("unigram_accuracy"), result.heldOutMetrics().get("mlm_loss"));
    return row;
  }

  private static Row pretrain(Settings settings, Warehouse warehouse, ModelSettings model, String key, PrintStream out,
      String codeVersion) {
    if (!warehouse.exists(Tables.PROTEIN_EXAMPLES)) {
      throw new IllegalStateException("table " + warehouse.qualified(Tables.PROTEIN_EXAMPLES)
          + " does not exist: run `smc-bench ingest` before `smc-bench pretrain`");
    }
    long version = warehouse.version(Tables.PROTEIN_EXAMPLES);
    List<String> corpus = model.pretrain().datasets();
    Column inCorpus = null;
    for (String entry : corpus) {
      int slash = entry.indexOf('/');
      Column c = col("dataset").equalTo(slash < 0 ? entry : entry.substring(0, slash))
          .and(col("fold").equalTo(slash < 0 ? "" : entry.substring(slash + 1)));
      inCorpus = inCorpus == null ? c : inCorpus.or(c);
    }
    if (inCorpus == null) {
      throw new IllegalStateException("model " + model.name() + ": the pre-training corpus is empty (no sweep dataset"
          + " of its tasks, and pretrain.datasets is empty)");
    }
    Dataset<Row> sequences = warehouse.spark().read().format("delta").option("versionAsOf", version)
        .load(warehouse.path(Tables.PROTEIN_EXAMPLES))
        .where(inCorpus.and(col("split").equalTo("train")))
        .groupBy("sequence").agg(org.apache.spark.sql.functions.first("tokens").as("tokens"))
        .withColumn("h", xxhash64(col("sequence")))
        .orderBy("h", "sequence");
    List<int[]> train = new ArrayList<>();
    List<int[]> heldOut = new ArrayList<>();
    for (Row r : sequences.select("tokens", "h").collectAsList()) {
      int[] tokens = org.smcbench.data.protein.EsmAlphabet.truncate(r.getList(0).stream().mapToInt(v -> (Integer) v).toArray(),
          model.maxSeqLen());
      (Math.floorMod(r.getLong(1), 100) < HELD_OUT_PERCENT ? heldOut : train).add(tokens);
    }
    if (train.isEmpty() || heldOut.isEmpty()) {
      throw new IllegalStateException("model " + model.name() + ": the pre-training corpus " + corpus + " has "
          + train.size() + " train and " + heldOut.size() + " held-out sequences in "
          + warehouse.qualified(Tables.PROTEIN_EXAMPLES) + ": run `smc-bench ingest` for those datasets");
    }
    String location = PretrainedCheckpoints.location(warehouse.root(), model);
    out.printf("pretrain %-10s key=%s corpus=%s sequences=%d held-out=%d steps=%d -> %s%n", model.name(), key, corpus,
        train.size(), heldOut.size(), model.pretrain().steps(), location);
    PretrainTask task = new PretrainTask(model, train.toArray(int[][]::new), heldOut.toArray(int[][]::new), location,
        version, settings.compute().device(), settings.compute().threads());
    PretrainTask.Result result = runOnExecutor(warehouse, model, task);
    return register(warehouse, model, key, location, corpus, train.size(), heldOut.size(), result, version,
        codeVersion, out, "masked-token accuracy", "most-frequent residue");
  }

  private static boolean registered(Warehouse warehouse, String model, String key) {
    return warehouse.exists(Tables.PRETRAINED) && warehouse.read(Tables.PRETRAINED)
        .where(col("model").equalTo(model).and(col("pretrain_key").equalTo(key))).count() > 0;
  }
}
