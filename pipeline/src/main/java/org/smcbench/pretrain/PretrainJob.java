package org.smcbench.pretrain;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
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
      if (!ModelSettings.MLM_PRETRAIN.equals(model.checkpointFormat())) {
        continue;
      }
      model = PretrainedCheckpoints.withCorpus(settings, model);
      String key = PretrainedCheckpoints.key(model);
      if (registered(warehouse, name, key)) {
        out.printf("pretrain %-10s key=%s already pre-trained: skipped%n", name, key);
        outcomes.add(new Outcome(name, key, true, null));
        continue;
      }
      outcomes.add(new Outcome(name, key, false, pretrain(settings, warehouse, model, key, out, codeVersion)));
    }
    return outcomes;
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
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext());
    jsc.setJobDescription("pretrain " + model.name());
    // The corpus travels as a broadcast, not in the task closure (HP-S alone is 182 K sequences).
    org.apache.spark.broadcast.Broadcast<PretrainTask> shipped = jsc.broadcast(task);
    PretrainTask.Result result = jsc.parallelize(List.of(0), 1).map(i -> shipped.value().run()).collect().get(0);
    shipped.destroy();
    Row row = RowFactory.create(model.name(), key, location, corpus.toArray(new String[0]), (long) train.size(),
        (long) heldOut.size(), result.steps(), result.lastLoss(), result.heldOutMetrics().get("mlm_accuracy"),
        result.heldOutMetrics().get("mlm_loss"), result.heldOutMetrics().get("unigram_accuracy"), version, codeVersion,
        result.device(), result.seconds(), System.currentTimeMillis());
    warehouse.upsert(Tables.PRETRAINED, warehouse.spark().createDataFrame(List.of(row), SCHEMA),
        List.of("model", "pretrain_key"));
    out.printf("pretrain %-10s done in %.1f s: held-out masked-token accuracy %.4f (most-frequent residue %.4f),"
        + " loss %.4f%n", model.name(), result.seconds(), result.heldOutMetrics().get("mlm_accuracy"),
        result.heldOutMetrics().get("unigram_accuracy"), result.heldOutMetrics().get("mlm_loss"));
    return row;
  }

  private static boolean registered(Warehouse warehouse, String model, String key) {
    return warehouse.exists(Tables.PRETRAINED) && warehouse.read(Tables.PRETRAINED)
        .where(col("model").equalTo(model).and(col("pretrain_key").equalTo(key))).count() > 0;
  }
}
