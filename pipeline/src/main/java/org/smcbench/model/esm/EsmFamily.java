package org.smcbench.model.esm;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.smcbench.config.ModelSettings;
import org.smcbench.data.protein.EsmAlphabet;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.ModelFamily;
import org.smcbench.model.TrainableModel;
import org.smcbench.spark.HadoopConf;
import org.smcbench.task.TaskData;
import org.smcbench.task.protein.ProteinData;

/**
 * ESM-style protein encoders with a mean-pooled linear head: from a Hugging Face ESM-2 / ESM-1b
 * folder, from the encoder the pipeline pre-trained itself (same layout, in the warehouse), or at
 * random. The head has one output per class, or one for a regression, read from the run's train
 * split. {@link #sequence()} builds {@link EsmPropertyModel}; {@link #structure()} builds {@link
 * EsmStructureModel} (attention biased by Cα distances, for structure datasets), whose encoder
 * starts from the same sequence checkpoints.
 */
public final class EsmFamily implements ModelFamily {
  public static final String NAME = "esm";
  public static final String STRUCTURE = "esm-structure";

  private final boolean structure;

  private EsmFamily(boolean structure) {
    this.structure = structure;
  }

  public static EsmFamily sequence() {
    return new EsmFamily(false);
  }

  public static EsmFamily structure() {
    return new EsmFamily(true);
  }
  /** FFN width when ffn-size is 0, as in ESM: 4 × hidden. */
  private static final int FFN_RATIO = 4;
  private static final int DEFAULT_HEADS = 4;

  @Override
  public String name() {
    return structure ? STRUCTURE : NAME;
  }

  @Override
  public Set<String> tasks() {
    return Set.of(org.smcbench.task.protein.ProteinTask.CLASSIFICATION,
        org.smcbench.task.protein.ProteinTask.REGRESSION);
  }

  @Override
  public TrainableModel build(ModelSettings settings, TaskData train, NDManager manager, long seed) {
    ProteinData data = (ProteinData) train;
    if (structure && !data.hasStructures()) {
      throw new IllegalArgumentException("model " + settings.name() + " (family " + STRUCTURE + ") needs a structure"
          + " dataset (reader hotprotein-structures); this one has sequences only");
    }
    int outputs = data.isClassification() ? data.classes() : 1;
    if (settings.checkpointFormat().equals("none")) {
      return create(configOf(settings), outputs, seed, manager, null);
    }
    if (settings.checkpointPath().isEmpty()) {
      throw new IllegalStateException("model " + settings.name() + ": no checkpoint path"
          + (settings.checkpointFormat().equals(ModelSettings.MLM_PRETRAIN)
              ? " (the sweep resolves its pre-trained encoder in the warehouse; run `smc-bench pretrain` first)"
              : "; set smc.models." + settings.name() + ".checkpoint-path"));
    }
    HfEsmCheckpoint checkpoint;
    try {
      checkpoint = HfEsmCheckpoint.read(settings.checkpointPath(), HadoopConf.current());
    } catch (IllegalArgumentException e) {
      if (!settings.checkpointFormat().equals(ModelSettings.MLM_PRETRAIN)) {
        throw e;
      }
      throw new IllegalStateException("model " + settings.name() + ": no pre-trained encoder for these settings at "
          + settings.checkpointPath() + ": run `smc-bench pretrain` with the same configuration first", e);
    }
    int layers = settings.layers() > 0 ? Math.min(settings.layers(), checkpoint.config().layers())
        : checkpoint.config().layers();
    EsmConfig c = checkpoint.config();
    EsmConfig config = new EsmConfig(c.vocabSize(), c.hidden(), layers, c.heads(), c.intermediate(), c.maxPositions(),
        c.positions(), c.layerNormEps(), c.embLayerNormBefore(), c.tokenDropout(), c.padId(), c.maskId(),
        settings.dropout());
    return create(config, outputs, seed, manager, firstLayers(checkpoint.encoderWeights(), layers));
  }

  /** The family's model, initialised, with {@code encoderWeights} loaded when given. */
  private TrainableModel create(EsmConfig config, int outputs, long seed, NDManager manager,
      Map<String, FloatTensor> encoderWeights) {
    if (structure) {
      EsmStructureModel model = new EsmStructureModel(config, outputs, seed);
      model.initializeParameters(manager);
      if (encoderWeights != null) {
        model.loadEncoderWeights(encoderWeights, manager);
      }
      return model;
    }
    EsmPropertyModel model = new EsmPropertyModel(config, outputs, seed);
    model.initializeParameters(manager);
    if (encoderWeights != null) {
      model.loadEncoderWeights(encoderWeights, manager);
    }
    return model;
  }

  /** The shape a model entry asks for, for pre-training and random initialisation. */
  public static EsmConfig configOf(ModelSettings s) {
    if (s.hiddenSize() <= 0 || s.layers() <= 0) {
      throw new IllegalArgumentException("model " + s.name() + ": an ESM encoder built without a checkpoint needs"
          + " hidden-size and layers");
    }
    int heads = s.heads() > 0 ? s.heads() : DEFAULT_HEADS;
    int ffn = s.ffnSize() > 0 ? s.ffnSize() : FFN_RATIO * s.hiddenSize();
    String positions = s.positions() == null || s.positions().isEmpty() ? EsmConfig.ROTARY : s.positions();
    // Absolute positions number tokens from padId + 1, as RoBERTa and ESM-1b.
    int maxPositions = s.maxSeqLen() + EsmAlphabet.PAD + 1;
    // Token dropout (ESM-2) rescales embeddings by the masked share; our pre-training masks as ESM-2 does.
    return new EsmConfig(EsmAlphabet.SIZE, s.hiddenSize(), s.layers(), heads, ffn, maxPositions, positions, 1e-5,
        false, true, EsmAlphabet.PAD, EsmAlphabet.MASK, s.dropout());
  }

  @Override
  public byte[] tokenizerJson(ModelSettings settings) {
    throw new UnsupportedOperationException("ESM models read residues over the fixed 33-symbol ESM alphabet"
        + " (EsmAlphabet), not a tokenizer.json");
  }

  /** The checkpoint's encoder tensors without those of layers at or past {@code layers}. */
  static LinkedHashMap<String, FloatTensor> firstLayers(Map<String, FloatTensor> weights, int layers) {
    LinkedHashMap<String, FloatTensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, FloatTensor> e : weights.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("encoder.layer.")) {
        int end = name.indexOf('.', "encoder.layer.".length());
        if (Integer.parseInt(name.substring("encoder.layer.".length(), end)) >= layers) {
          continue;
        }
      }
      out.put(name, e.getValue());
    }
    return out;
  }
}
