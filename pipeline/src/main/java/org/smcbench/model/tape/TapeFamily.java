package org.smcbench.model.tape;

import ai.djl.ndarray.NDManager;
import java.util.Set;
import org.smcbench.config.ModelSettings;
import org.smcbench.data.protein.ProteinVocabulary;
import org.smcbench.data.protein.TapeVocabulary;
import org.smcbench.model.ModelFamily;
import org.smcbench.model.TrainableModel;
import org.smcbench.model.bert.BertConfig;
import org.smcbench.model.bert.PretrainedWeights;
import org.smcbench.spark.HadoopConf;
import org.smcbench.task.TaskData;
import org.smcbench.task.protein.ProteinData;
import org.smcbench.task.protein.ProteinTask;

/**
 * TAPE's protein transformer (Rao et al. 2019, ProteinBert {@code bert-base}) on the protein
 * tasks, with the ESM family's mean-pooled linear head ({@link TapePropertyModel}): from a TAPE
 * folder ({@code hf-safetensors}, {@link TapeCheckpoint}) or at random ({@code none}). Its inputs are
 * TAPE's ids of the stored sequences ({@link ProteinVocabulary#TAPE}).
 */
public final class TapeFamily implements ModelFamily {
  public static final String NAME = "tape";
  /** FFN width when ffn-size is 0, as in BERT: 4 × hidden. */
  private static final int FFN_RATIO = 4;
  private static final int DEFAULT_HEADS = 4;
  /** TAPE's LayerNorm epsilon (ProteinBertConfig). */
  private static final double LAYER_NORM_EPS = 1e-12;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProteinVocabulary proteinVocabulary() {
    return ProteinVocabulary.TAPE;
  }

  @Override
  public Set<String> tasks() {
    return Set.of(ProteinTask.CLASSIFICATION, ProteinTask.REGRESSION);
  }

  @Override
  public TrainableModel build(ModelSettings settings, TaskData train, NDManager manager, long seed) {
    ProteinData data = (ProteinData) train;
    int outputs = data.isClassification() ? data.classes() : 1;
    if (settings.checkpointFormat().equals("none")) {
      TapePropertyModel model = new TapePropertyModel(configOf(settings), outputs, seed);
      model.initializeParameters(manager);
      return model;
    }
    if (!settings.checkpointFormat().equals(ModelSettings.HF_SAFETENSORS) || settings.checkpointPath().isBlank()) {
      throw new IllegalArgumentException("model " + settings.name() + " (family " + NAME + "): checkpoint-format"
          + " must be none or hf-safetensors with checkpoint-path the TAPE folder (config.json, model.safetensors);"
          + " got '" + settings.checkpointFormat() + "' at '" + settings.checkpointPath() + "'");
    }
    TapeCheckpoint checkpoint = TapeCheckpoint.read(settings.checkpointPath(), HadoopConf.current());
    TapePropertyModel model = new TapePropertyModel(checkedConfig(settings, checkpoint.config()), outputs, seed);
    model.initializeParameters(manager);
    // A model with fewer layers than the checkpoint takes its first ones; every other key must match.
    PretrainedWeights.loadInto("TAPE checkpoint " + settings.checkpointPath(), model.encoder().namedParameters(),
        checkpoint.encoderWeights(), manager);
    return model;
  }

  /** The checkpoint's shape with the entry's dropout and layer count, checked against max-seq-len. */
  private static BertConfig checkedConfig(ModelSettings settings, BertConfig checkpoint) {
    if (checkpoint.vocabSize() != TapeVocabulary.SIZE) {
      throw new IllegalArgumentException("model " + settings.name() + ": the checkpoint's vocab_size "
          + checkpoint.vocabSize() + " is not TAPE's IUPAC vocabulary (" + TapeVocabulary.SIZE + ")");
    }
    if (settings.layers() > checkpoint.layers()) {
      throw new IllegalArgumentException("model " + settings.name() + " asks for " + settings.layers()
          + " layers; the checkpoint has " + checkpoint.layers());
    }
    BertConfig config = checkpoint.withDropout(settings.dropout())
        .withLayers(settings.layers() > 0 ? settings.layers() : checkpoint.layers());
    if (settings.maxSeqLen() > config.maxSequenceLength()) {
      throw new IllegalArgumentException("model " + settings.name() + ": max-seq-len " + settings.maxSeqLen()
          + " exceeds the checkpoint's " + config.maxSequenceLength() + " positions");
    }
    return config;
  }

  /** The shape a model entry asks for, for random initialisation: TAPE's vocabulary, one token type. */
  static BertConfig configOf(ModelSettings s) {
    if (s.hiddenSize() <= 0 || s.layers() <= 0) {
      throw new IllegalArgumentException("model " + s.name() + ": a TAPE encoder built without a checkpoint needs"
          + " hidden-size and layers");
    }
    int heads = s.heads() > 0 ? s.heads() : DEFAULT_HEADS;
    int ffn = s.ffnSize() > 0 ? s.ffnSize() : FFN_RATIO * s.hiddenSize();
    return new BertConfig(TapeVocabulary.SIZE, s.hiddenSize(), s.layers(), heads, ffn, s.maxSeqLen(), 1,
        LAYER_NORM_EPS, 0, s.dropout());
  }

  @Override
  public byte[] tokenizerJson(ModelSettings settings) {
    throw new UnsupportedOperationException("TAPE models read residues over TAPE's fixed IUPAC vocabulary"
        + " (TapeVocabulary), not a tokenizer.json");
  }
}
