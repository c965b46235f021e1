package org.smcbench.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.sparsity.PruningScope;
import java.util.Map;
import java.util.TreeMap;

/** Binds a merged, resolved HOCON tree to {@link Settings}, turning every problem into a {@link ConfigError}. */
final class SettingsBinder {
  private SettingsBinder() {}

  static Settings bind(Config c) {
    try {
      return bindUnchecked(c);
    } catch (ConfigException e) {
      // WrongType, Missing, BadValue: Typesafe's message already names the key and origin.
      throw new ConfigError(e.getMessage(), e);
    }
  }

  private static Settings bindUnchecked(Config c) {
    Config smc = c.getConfig("smc");
    Map<String, String> sparkConf = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : smc.getConfig("spark.conf").entrySet()) {
      sparkConf.put(stripQuotes(e.getKey()), String.valueOf(e.getValue().unwrapped()));
    }
    Settings.SparkSettings spark = new Settings.SparkSettings(
        smc.getString("spark.master"), smc.getString("spark.app-name"), sparkConf);
    Settings.ComputeSettings compute = new Settings.ComputeSettings(
        oneOf(smc, "compute.device", "cpu", "gpu", "auto"), nonNegative(smc, "compute.threads"));

    Map<String, ModelSettings> models = new LinkedHashMap<>();
    // Two passes: a tree decoder's embeddings-from names another model, in any order.
    for (int pass = 0; pass < 2; pass++) {
      for (String name : smc.getConfig("models").root().keySet()) {
        Config m = smc.getConfig("models." + name);
        String at = "smc.models." + name + ".";
        String source = m.hasPath("embeddings-from") ? m.getString("embeddings-from") : "";
        ModelSettings embeddingSource = null;
        if (!source.isEmpty()) {
          embeddingSource = models.get(source);
          if (embeddingSource == null && pass == 1) {
            throw new ConfigError(at + "embeddings-from names unknown model '" + source + "'; configured: "
                + smc.getConfig("models").root().keySet() + " (" + m.getValue("embeddings-from").origin().description()
                + ")");
          }
          if (embeddingSource != null && embeddingSource.embeddingSource() != null) {
            throw new ConfigError(at + "embeddings-from must name an encoder model, not another tree decoder: '"
                + source + "'");
          }
        }
        models.put(name, new ModelSettings(name,
            m.getString("family"),
            oneOfAt(m, "checkpoint-format", at, "minilm-onnx", "bge-small-onnx", "hf-safetensors",
                ModelSettings.MLM_PRETRAIN, ModelSettings.DENOISE_PRETRAIN, "none"),
            m.hasPath("checkpoint-path") ? m.getString("checkpoint-path") : "",
            m.hasPath("layers") ? nonNegative(m, "layers", at) : 0,
            m.hasPath("max-seq-len") ? positive(m, "max-seq-len", at) : 512,
            fraction(m, "dropout", at),
            m.hasPath("pooling") ? oneOfAt(m, "pooling", at, "first-token", "mean") : "mean",
            m.hasPath("embedding-size") ? nonNegative(m, "embedding-size", at) : 0,
            m.hasPath("hidden-size") ? nonNegative(m, "hidden-size", at) : 0,
            m.hasPath("beam-size") ? nonNegative(m, "beam-size", at) : 0,
            embeddingSource,
            m.hasPath("embedding-mode") ? oneOfAt(m, "embedding-mode", at, ModelSettings.TABLE, ModelSettings.ENCODER)
                : ModelSettings.TABLE,
            m.hasPath("attention-heads") ? nonNegative(m, "attention-heads", at) : 0,
            m.hasPath("ffn-size") ? nonNegative(m, "ffn-size", at) : 0,
            m.hasPath("positions") ? oneOfAt(m, "positions", at, "rotary", "absolute") : "",
            pipelinePretrained(m.getString("checkpoint-format")) ? pretrain(m, at) : null,
            m.hasPath("seq2seq") ? seq2seq(m.getConfig("seq2seq"), at + "seq2seq.") : null));
      }
    }

    Config trainingDefaults = smc.getConfig("training");
    Map<String, DatasetSettings> datasets = new LinkedHashMap<>();
    for (String name : smc.getConfig("datasets").root().keySet()) {
      Config d = smc.getConfig("datasets." + name);
      String at = "smc.datasets." + name + ".";
      Map<String, String> files = new LinkedHashMap<>();
      for (String split : d.getConfig("files").root().keySet()) {
        files.put(split, d.getString("files." + split));
      }
      String evalSplit = d.getString("eval-split");
      String reader = d.getString("reader");
      boolean perSplit = DatasetSettings.filesPerSplit(reader);
      if (perSplit && (!files.containsKey(evalSplit) || files.get(evalSplit).isEmpty())) {
        throw new ConfigError(at + "eval-split '" + evalSplit + "' has no file under " + at + "files ("
            + d.getValue("eval-split").origin().description() + ")");
      }
      List<String> folds = d.hasPath("folds") ? d.getStringList("folds") : List.of();
      for (Map.Entry<String, String> f : files.entrySet()) {
        boolean placeholder = f.getValue().contains(DatasetSettings.FOLD_PLACEHOLDER);
        // Role files (HotProtein's one FASTA beside its per-fold split pickles) may be shared by all folds.
        boolean sharedRoleFile = !perSplit && !placeholder;
        if (!f.getValue().isEmpty() && !sharedRoleFile && placeholder == folds.isEmpty()) {
          throw new ConfigError(at + "files." + f.getKey() + " = '" + f.getValue() + "': "
              + (folds.isEmpty() ? "has " + DatasetSettings.FOLD_PLACEHOLDER + " but " + at + "folds is empty"
                  : at + "folds is " + folds + " but the path has no " + DatasetSettings.FOLD_PLACEHOLDER)
              + " (" + d.getValue("files." + f.getKey()).origin().description() + ")");
        }
      }
      if (folds.stream().anyMatch(String::isBlank) || folds.stream().distinct().count() != folds.size()) {
        throw new ConfigError(at + "folds must be distinct non-empty names: " + folds + " ("
            + d.getValue("folds").origin().description() + ")");
      }
      TrainingSettings training;
      try {
        Config overrides = d.hasPath("training") ? d.getConfig("training") : com.typesafe.config.ConfigFactory.empty();
        training = training(overrides.withFallback(trainingDefaults));
      } catch (ConfigError e) {
        throw new ConfigError(e.getMessage() + " (dataset " + name + ")", e);
      }
      List<Double> thresholds = d.hasPath("class-thresholds") ? d.getDoubleList("class-thresholds") : List.of();
      for (int i = 1; i < thresholds.size(); i++) {
        if (!(thresholds.get(i) > thresholds.get(i - 1))) {
          throw new ConfigError(at + "class-thresholds must ascend: " + thresholds + " ("
              + d.getValue("class-thresholds").origin().description() + ")");
        }
      }
      datasets.put(name, new DatasetSettings(name, d.getString("task"), reader, files,
          folds, evalSplit, fraction(d, "chance", at), thresholds, training,
          d.hasPath("languages") ? parallelText(d, at) : null));
    }

    // Model entries may override training too; every dataset x model pair gets its merged settings.
    Map<String, TrainingSettings> trainingByPair = new LinkedHashMap<>();
    for (String model : models.keySet()) {
      Config m = smc.getConfig("models." + ConfigUtil.quoteString(model));
      if (!m.hasPath("training")) {
        continue;
      }
      for (String dataset : datasets.keySet()) {
        Config d = smc.getConfig("datasets." + ConfigUtil.quoteString(dataset));
        Config merged = m.getConfig("training")
            .withFallback(d.hasPath("training") ? d.getConfig("training") : com.typesafe.config.ConfigFactory.empty())
            .withFallback(trainingDefaults);
        try {
          trainingByPair.put(Settings.trainingKey(dataset, model), training(merged));
        } catch (ConfigError e) {
          throw new ConfigError(e.getMessage() + " (model " + model + " on dataset " + dataset + ")", e);
        }
      }
    }

    Map<String, Map<String, Object>> methods = new LinkedHashMap<>();
    for (String name : smc.getConfig("methods").root().keySet()) {
      methods.put(name, new TreeMap<>(smc.getConfig("methods." + name).root().unwrapped()));
    }

    Settings.SweepSettings sweep = sweep(smc);
    for (String ds : sweep.datasets()) {
      if (!datasets.containsKey(ds)) {
        throw new ConfigError("smc.sweep.datasets names unknown dataset '" + ds + "'; configured: "
            + datasets.keySet() + " (" + smc.getValue("sweep.datasets").origin().description() + ")");
      }
    }
    for (String m : sweep.models()) {
      if (!models.containsKey(m)) {
        throw new ConfigError("smc.sweep.models names unknown model '" + m + "'; configured: "
            + models.keySet() + " (" + smc.getValue("sweep.models").origin().description() + ")");
      }
    }
    return new Settings(
        nonEmpty(smc, "data.root"),
        new Settings.WarehouseSettings(nonEmpty(smc, "warehouse.path"), nonEmpty(smc, "warehouse.database"),
            nonNegativeDouble(smc, "warehouse.vacuum-retention-hours")),
        spark, compute, positive(smc, "ingest.shards", "smc."), models, datasets, methods, sweep,
        nonNegativeDouble(smc, "aggregate.matching-tolerance"), Map.copyOf(trainingByPair), c);
  }

  private static Settings.SweepSettings sweep(Config smc) {
    List<Double> sparsities = sparsityList(smc, "sweep.sparsities");
    List<String> methods = smc.getStringList("sweep.methods");
    Map<String, List<Double>> methodSparsities = new LinkedHashMap<>();
    Config perMethod = smc.getConfig("sweep.method-sparsities");
    for (String method : perMethod.root().keySet()) {
      // Entries for methods outside sweep.methods are allowed (a --set may narrow the methods);
      // the planner rejects names that are no method at all.
      methodSparsities.put(method, sparsityList(smc, ConfigUtil.joinPath("sweep", "method-sparsities", method)));
    }
    Map<String, List<String>> datasetMethods = methodLists(smc, "sweep.dataset-methods");
    Map<String, List<String>> modelMethods = methodLists(smc, "sweep.model-methods");
    List<Integer> seeds = smc.getIntList("sweep.seeds");
    for (String list : List.of("sweep.datasets", "sweep.models", "sweep.methods", "sweep.seeds")) {
      if (smc.getList(list).isEmpty()) {
        throw new ConfigError("smc." + list + " is empty (" + smc.getValue(list).origin().description() + ")");
      }
    }
    return new Settings.SweepSettings(
        smc.getStringList("sweep.datasets"),
        smc.getStringList("sweep.models"),
        methods,
        sparsities,
        Map.copyOf(methodSparsities),
        datasetMethods,
        modelMethods,
        List.copyOf(seeds),
        selection(smc),
        scope(smc, "sweep.scope"),
        datasetScopes(smc),
        scopeStudies(smc),
        nonNegative(smc, "sweep.concurrency"));
  }

  private static boolean pipelinePretrained(String format) {
    return format.equals(ModelSettings.MLM_PRETRAIN) || format.equals(ModelSettings.DENOISE_PRETRAIN);
  }

  /** A translation model's {@code seq2seq} block; reference.conf declares it on the mbart-cpu entry. */
  private static Seq2SeqSettings seq2seq(Config q, String at) {
    double smoothing = q.getDouble("label-smoothing");
    if (!(smoothing >= 0 && smoothing < 1)) {
      throw new ConfigError(at + "label-smoothing = " + smoothing + " must be in [0, 1) (" 
          + q.getValue("label-smoothing").origin().description() + ")");
    }
    double maxLenA = q.getDouble("max-len-a");
    if (maxLenA < 0) {
      throw new ConfigError(at + "max-len-a must be >= 0, got " + maxLenA + " ("
          + q.getValue("max-len-a").origin().description() + ")");
    }
    return new Seq2SeqSettings(positive(q, "vocab-size", at), q.getString("tokenizer-path"), smoothing,
        q.getDouble("length-penalty"), maxLenA, nonNegative(q, "max-len-b", at), List.of(), List.of());
  }

  /** A translation dataset's languages, pivot and per-split layouts. */
  private static ParallelTextSettings parallelText(Config d, String at) {
    List<String> languages = d.getStringList("languages");
    if (languages.isEmpty()) {
      throw new ConfigError(at + "languages is empty (" + d.getValue("languages").origin().description() + ")");
    }
    Map<String, String> splitReaders = new LinkedHashMap<>();
    if (d.hasPath("split-readers")) {
      for (String split : d.getConfig("split-readers").root().keySet()) {
        splitReaders.put(split, d.getString("split-readers." + split));
      }
    }
    String pivot = d.getString("pivot");
    if (languages.contains(pivot)) {
      throw new ConfigError(at + "languages " + languages + " contains the pivot '" + pivot + "'");
    }
    return new ParallelTextSettings(languages, pivot, d.hasPath("pivot-pairs") && d.getBoolean("pivot-pairs"),
        splitReaders);
  }

  /** A model's {@code pretrain} block; reference.conf declares it on the esm-cpu entry. */
  private static PretrainSettings pretrain(Config m, String at) {
    if (!m.hasPath("pretrain")) {
      throw new ConfigError(at + "checkpoint-format = " + m.getString("checkpoint-format") + " needs a " + at + "pretrain block"
          + " (steps, batch-size, learning-rate, warmup-steps, weight-decay, mask-probability, seed, datasets)");
    }
    Config p = m.getConfig("pretrain");
    String pat = at + "pretrain.";
    double mask = p.getDouble("mask-probability");
    if (!(mask > 0 && mask < 1)) {
      throw new ConfigError(pat + "mask-probability = " + mask + " must be in (0, 1)");
    }
    return new PretrainSettings(positive(p, "steps", pat), positive(p, "batch-size", pat),
        p.getDouble("learning-rate"), nonNegative(p, "warmup-steps", pat), p.getDouble("weight-decay"), mask,
        p.getInt("seed"), p.getStringList("datasets"));
  }

  /** A named scope or module kinds joined by '+' ({@link PruningScope}). */
  private static String scope(Config smc, String key) {
    String v = smc.getString(key);
    try {
      return PruningScope.fromLabel(v).label();
    } catch (IllegalArgumentException e) {
      throw new ConfigError("smc." + key + ": " + e.getMessage() + " (" + smc.getValue(key).origin().description() + ")",
          e);
    }
  }

  private static Map<String, String> datasetScopes(Config smc) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : smc.getConfig("sweep.dataset-scopes").root().keySet()) {
      out.put(name, scope(smc, "sweep.dataset-scopes." + ConfigUtil.quoteString(name)));
    }
    return Map.copyOf(out);
  }

  private static List<Settings.ScopeStudy> scopeStudies(Config smc) {
    List<Settings.ScopeStudy> out = new ArrayList<>();
    List<? extends Config> studies = smc.getConfigList("sweep.scope-studies");
    for (int i = 0; i < studies.size(); i++) {
      Config study = studies.get(i);
      String at = "smc.sweep.scope-studies[" + i + "]";
      for (String key : study.root().keySet()) {
        if (!List.of("datasets", "methods", "sparsities", "scopes").contains(key)) {
          throw new ConfigError(at + "." + key + " is not a key of a scope study (datasets, methods, sparsities, scopes) ("
              + study.getValue(key).origin().description() + ")");
        }
      }
      List<String> scopes = new ArrayList<>();
      for (String s : study.getStringList("scopes")) {
        try {
          scopes.add(PruningScope.fromLabel(s).label());
        } catch (IllegalArgumentException e) {
          throw new ConfigError(at + ".scopes: " + e.getMessage(), e);
        }
      }
      List<Double> sparsities = study.getDoubleList("sparsities");
      for (double sp : sparsities) {
        if (!(sp > 0 && sp < 1)) {
          throw new ConfigError(at + ".sparsities contains " + sp + ": a target sparsity must be in (0, 1)");
        }
      }
      out.add(new Settings.ScopeStudy(List.copyOf(study.getStringList("datasets")),
          List.copyOf(study.getStringList("methods")), List.copyOf(sparsities), List.copyOf(scopes)));
    }
    return List.copyOf(out);
  }

  /** global | layerwise | an N:M pattern such as "2:4" (N < M). */
  private static String selection(Config smc) {
    String v = smc.getString("sweep.selection");
    if (v.equals("global") || v.equals("layerwise")) {
      return v;
    }
    try {
      if (org.smcbench.sparsity.select.NmPattern.parse(v) != null) {
        return v;
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigError("smc.sweep.selection = '" + v + "': " + e.getMessage() + " ("
          + smc.getValue("sweep.selection").origin().description() + ")", e);
    }
    throw new ConfigError("smc.sweep.selection = '" + v + "' is not global, layerwise or an N:M pattern such as 2:4 ("
        + smc.getValue("sweep.selection").origin().description() + ")");
  }

  /** An open map name -> method list (the planner checks the names). */
  private static Map<String, List<String>> methodLists(Config smc, String key) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : smc.getConfig(key).root().keySet()) {
      out.put(name, List.copyOf(smc.getStringList(key + "." + ConfigUtil.quoteString(name))));
    }
    return Map.copyOf(out);
  }

  /** A non-empty list of target sparsities, each in (0, 1). */
  private static List<Double> sparsityList(Config smc, String key) {
    List<Double> sparsities = smc.getDoubleList(key);
    String origin = smc.getValue(key).origin().description();
    if (sparsities.isEmpty()) {
      throw new ConfigError("smc." + key + " is empty: give at least one target sparsity (" + origin + ")");
    }
    for (double s : sparsities) {
      if (!(s > 0 && s < 1)) {
        throw new ConfigError("smc." + key + " contains " + s + ": a target sparsity must be in (0, 1) (" + origin + ")");
      }
    }
    return List.copyOf(sparsities);
  }

  private static TrainingSettings training(Config t) {
    return new TrainingSettings(
        t.getDouble("learning-rate"), t.getInt("batch-size"), t.getInt("steps"), t.getInt("warmup-steps"),
        t.getDouble("weight-decay"), t.getDouble("adam-beta1"), t.getDouble("adam-beta2"),
        t.getDouble("adam-eps"), t.getInt("max-train-examples"), t.getInt("max-eval-examples"),
        t.getInt("eval-batch-size"), learningRates(t), t.getString("schedule"));
  }

  /** {@code learning-rates}: parameter-name prefix (quote it when it has dots) -> peak learning rate. */
  private static Map<String, Double> learningRates(Config t) {
    Map<String, Double> out = new TreeMap<>();
    if (!t.hasPath("learning-rates")) {
      return out;
    }
    for (Map.Entry<String, ConfigValue> e : t.getConfig("learning-rates").root().entrySet()) {
      Object v = e.getValue().unwrapped();
      if (!(v instanceof Number n)) {
        throw new ConfigError("smc.training.learning-rates." + e.getKey() + " must be a number, got " + v + " ("
            + e.getValue().origin().description() + ")");
      }
      out.put(e.getKey(), n.doubleValue());
    }
    return out;
  }

  private static String oneOf(Config c, String key, String... allowed) {
    return oneOfAt(c, key, "smc.", allowed);
  }

  private static String oneOfAt(Config c, String key, String at, String... allowed) {
    String v = c.getString(key);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw new ConfigError(at + key + " = '" + v + "' is not one of " + List.of(allowed) + " ("
        + c.getValue(key).origin().description() + ")");
  }

  private static int positive(Config c, String key, String at) {
    int v = c.getInt(key);
    if (v <= 0) {
      throw new ConfigError(at + key + " must be > 0, got " + v + " (" + c.getValue(key).origin().description() + ")");
    }
    return v;
  }

  private static int nonNegative(Config c, String key) {
    return nonNegative(c, key, "smc.");
  }

  private static int nonNegative(Config c, String key, String at) {
    int v = c.getInt(key);
    if (v < 0) {
      throw new ConfigError(at + key + " must be >= 0, got " + v + " (" + c.getValue(key).origin().description() + ")");
    }
    return v;
  }

  private static double nonNegativeDouble(Config c, String key) {
    double v = c.getDouble(key);
    if (v < 0) {
      throw new ConfigError("smc." + key + " must be >= 0, got " + v + " (" + c.getValue(key).origin().description() + ")");
    }
    return v;
  }

  private static double fraction(Config c, String key, String at) {
    double v = c.getDouble(key);
    if (v < 0 || v >= 1) {
      throw new ConfigError(at + key + " must be in [0, 1), got " + v + " (" + c.getValue(key).origin().description() + ")");
    }
    return v;
  }

  private static String nonEmpty(Config c, String key) {
    String v = c.getString(key);
    if (v.isBlank()) {
      throw new ConfigError("smc." + key + " must not be empty (" + c.getValue(key).origin().description() + ")");
    }
    return v;
  }

  private static String stripQuotes(String key) {
    return key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
  }
}
