package org.smcbench.pretrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.PretrainSettings;
import org.smcbench.config.RunSpec;
import org.smcbench.config.Settings;
import org.smcbench.model.ModelFamilies;

/**
 * Where the encoders the pipeline pre-trains itself live: one Hugging Face-layout folder per
 * (model, pre-training key) under {@code <warehouse>/pretrained/}, the key a hash of the shape and
 * the pre-training settings with their resolved corpus. The same settings find the same
 * checkpoint, so pre-training runs once; changed settings are a new checkpoint and new run keys.
 */
public final class PretrainedCheckpoints {
  private PretrainedCheckpoints() {}

  /**
   * The model with its pre-training corpus spelled out: "dataset/fold" for every configured fold of
   * the named datasets, or of every sweep dataset the model reads when the list is empty.
   */
  public static ModelSettings withCorpus(Settings s, ModelSettings model) {
    model = org.smcbench.data.translation.LearnedVocabularies.withCorpus(s, model);
    PretrainSettings p = model.pretrain();
    if (p == null) {
      return model;
    }
    List<String> names = p.datasets().stream().map(d -> d.contains("/") ? d.substring(0, d.indexOf('/')) : d)
        .distinct().toList();
    if (names.isEmpty()) {
      var tasks = ModelFamilies.get(model.family()).tasks();
      names = s.sweep().datasets().stream().filter(d -> tasks.contains(s.dataset(d).task())).toList();
    }
    List<String> corpus = new ArrayList<>();
    for (String name : names) {
      DatasetSettings d = s.dataset(name);
      for (String fold : d.folds()) {
        String entry = fold.isEmpty() ? name : name + "/" + fold;
        if (!corpus.contains(entry)) {
          corpus.add(entry);
        }
      }
    }
    PretrainSettings resolved = new PretrainSettings(p.steps(), p.batchSize(), p.learningRate(), p.warmupSteps(),
        p.weightDecay(), p.maskProbability(), p.seed(), corpus);
    return model.withPretrain(resolved);
  }

  /** 16 hex digits of SHA-256 over the encoder shape and the resolved pre-training settings. */
  public static String key(ModelSettings m) {
    TreeMap<String, Object> k = new TreeMap<>();
    k.put("family", m.family());
    k.put("layers", m.layers());
    k.put("hidden_size", m.hiddenSize());
    k.put("heads", m.heads());
    k.put("ffn_size", m.ffnSize());
    k.put("positions", m.positions());
    k.put("max_seq_len", m.maxSeqLen());
    k.put("dropout", m.dropout());
    k.put("pretrain", RunSpec.pretrainKey(m.pretrain()));
    if (m.seq2seq() != null) {
      // The vocabulary shapes the model; the learned one is a function of the corpus already in the key.
      k.put("vocab_size", m.seq2seq().vocabSize());
      k.put("tokenizer_path", m.seq2seq().tokenizerPath());
      k.put("vocabulary_corpus", m.seq2seq().vocabularyCorpus());
    }
    return org.smcbench.config.ContentKey.of(k);
  }

  /** The checkpoint folder of {@code model} under the warehouse root. */
  public static String location(String warehouseRoot, ModelSettings model) {
    String root = warehouseRoot.endsWith("/") ? warehouseRoot : warehouseRoot + "/";
    return root + "pretrained/" + model.name() + "-" + key(model);
  }

  /** The model with its checkpoint path set, when it is one the pipeline pre-trains; others unchanged. */
  public static ModelSettings resolve(ModelSettings model, String warehouseRoot) {
    if (!model.pretrainedByPipeline()) {
      return model;
    }
    return model.withCheckpointPath(location(warehouseRoot, model));
  }
}
