package org.smcbench.config;

import com.google.gson.GsonBuilder;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that defines one benchmark run: (task, dataset, fold, model, method + parameters,
 * target sparsity, seed) plus the training hyper-parameters and pruning rules it uses.
 *
 * <p>The run key is {@code <method>_<sha256 prefix>} of the canonical JSON of every defining field,
 * defaults included, so a changed default gives a new key (a test pins some keys). Where a
 * checkpoint is read from is not part of the key: moving weights to s3a:// does not rename runs.
 */
public record RunSpec(
    String task,
    String dataset,
    String fold,
    ModelSettings model,
    String method,
    Map<String, Object> methodParams,
    double targetSparsity,
    int seed,
    String selection,
    String scope,
    String evalSplit,
    TrainingSettings training) implements Serializable {

  /** Bump when the meaning of a field changes, so old keys are not reused by mistake. */
  public static final int SCHEMA_VERSION = 1;
  public static final String DENSE = "dense";

  public RunSpec {
    methodParams = new TreeMap<>(methodParams);
  }

  public boolean isDense() {
    return DENSE.equals(method);
  }

  /** The dense run every "After" method of this (dataset, model, seed) starts from. */
  public RunSpec denseParent() {
    return new RunSpec(task, dataset, fold, model, DENSE, Map.of(), 0.0, seed, selection, scope,
        evalSplit, training);
  }

  /** The same run at another target sparsity (IMP's rounds are keyed this way). */
  public RunSpec withTargetSparsity(double sparsity) {
    return new RunSpec(task, dataset, fold, model, method, methodParams, sparsity, seed, selection, scope,
        evalSplit, training);
  }

  public String runKey() {
    return method + "_" + sha256(canonicalJson()).substring(0, 16);
  }

  /** Sorted-key JSON of every field that defines the run. */
  public String canonicalJson() {
    Map<String, Object> m = new TreeMap<>();
    m.put("schema", SCHEMA_VERSION);
    m.put("task", task);
    m.put("dataset", dataset);
    m.put("fold", fold);
    Map<String, Object> modelMap = new TreeMap<>();
    modelMap.put("name", model.name());
    modelMap.put("family", model.family());
    modelMap.put("checkpoint_format", model.checkpointFormat());
    modelMap.put("layers", model.layers());
    modelMap.put("max_seq_len", model.maxSeqLen());
    modelMap.put("dropout", model.dropout());
    modelMap.put("pooling", model.pooling());
    // Tree-decoder knobs came after schema 1: present only when set, so encoder keys are unchanged.
    putIfSet(modelMap, "embedding_size", model.embeddingSize());
    putIfSet(modelMap, "hidden_size", model.hiddenSize());
    putIfSet(modelMap, "beam_size", model.beamSize());
    putIfSet(modelMap, "heads", model.heads());
    putIfSet(modelMap, "ffn_size", model.ffnSize());
    if (model.positions() != null && !model.positions().isEmpty()) {
      modelMap.put("positions", model.positions());
    }
    if (model.pretrain() != null) {
      modelMap.put("pretrain", pretrainKey(model.pretrain()));
    }
    if (model.seq2seq() != null) {
      Seq2SeqSettings q = model.seq2seq();
      Map<String, Object> seq = new TreeMap<>(Map.of("vocab_size", q.vocabSize(), "tokenizer_path", q.tokenizerPath(),
          "label_smoothing", q.labelSmoothing(), "length_penalty", q.lengthPenalty(), "max_len_a", q.maxLenA(),
          "max_len_b", q.maxLenB()));
      if (model.learnsVocabulary()) {
        seq.put("vocabulary_corpus", q.vocabularyCorpus());
        seq.put("language_tokens", q.languageTokens());
      }
      modelMap.put("seq2seq", seq);
    }
    if (model.embeddingSource() != null) {
      ModelSettings source = model.embeddingSource();
      // TreeMap: Map.of's iteration order changes between JVMs, and the key must not.
      modelMap.put("embeddings_from", new TreeMap<>(Map.of("name", source.name(), "family", source.family(),
          "checkpoint_format", source.checkpointFormat(), "layers", source.layers(), "mode", model.embeddingMode())));
    }
    m.put("model", modelMap);
    m.put("method", method);
    m.put("method_params", new TreeMap<>(methodParams));
    m.put("target_sparsity", targetSparsity);
    m.put("seed", seed);
    // Selection and scope do not change a dense run: keep its key shared by every method.
    m.put("selection", isDense() ? "" : selection);
    m.put("scope", isDense() ? "" : scope);
    m.put("eval_split", evalSplit);
    Map<String, Object> t = new TreeMap<>();
    t.put("learning_rate", training.learningRate());
    t.put("batch_size", training.batchSize());
    t.put("steps", training.steps());
    t.put("warmup_steps", training.warmupSteps());
    t.put("weight_decay", training.weightDecay());
    t.put("adam_beta1", training.adamBeta1());
    t.put("adam_beta2", training.adamBeta2());
    t.put("adam_eps", training.adamEps());
    t.put("max_train_examples", training.maxTrainExamples());
    t.put("max_eval_examples", training.maxEvalExamples());
    t.put("eval_batch_size", training.evalBatchSize());
    // Parameter groups came after schema 1: present only when set, so older keys are unchanged.
    if (!training.learningRates().isEmpty()) {
      t.put("learning_rates", new TreeMap<>(training.learningRates()));
    }
    if (!TrainingSettings.LINEAR.equals(training.schedule())) {
      t.put("schedule", training.schedule());
    }
    m.put("training", t);
    return new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create().toJson(m);
  }

  /** What defines a pipeline-pre-trained encoder: the same settings give the same checkpoint. */
  public static Map<String, Object> pretrainKey(PretrainSettings p) {
    Map<String, Object> m = new TreeMap<>();
    m.put("steps", p.steps());
    m.put("batch_size", p.batchSize());
    m.put("learning_rate", p.learningRate());
    m.put("warmup_steps", p.warmupSteps());
    m.put("weight_decay", p.weightDecay());
    m.put("mask_probability", p.maskProbability());
    m.put("seed", p.seed());
    m.put("datasets", p.datasets());
    return m;
  }

  private static void putIfSet(Map<String, Object> map, String key, int value) {
    if (value != 0) {
      map.put(key, value);
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
