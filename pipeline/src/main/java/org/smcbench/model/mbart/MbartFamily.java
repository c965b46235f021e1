package org.smcbench.model.mbart;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.CheckpointFiles;
import org.smcbench.model.ModelFamily;
import org.smcbench.model.TrainableModel;
import org.smcbench.spark.HadoopConf;
import org.smcbench.task.TaskData;
import org.smcbench.task.translation.TranslationData;
import org.smcbench.task.translation.TranslationTask;

/**
 * mBART-style encoder-decoders for translation: from a Hugging Face mBART folder
 * ({@code hf-safetensors}, e.g. mBART-50 with its {@code tokenizer.json}), from the model the
 * pipeline pre-trained itself with mBART's denoising objective ({@code denoise-pretrain}, same
 * layout, in the warehouse), or at random ({@code none}). The dropout of a loaded checkpoint is the
 * model entry's (fine-tuning regularisation is a training choice, as in the paper's 0.3).
 */
public final class MbartFamily implements ModelFamily {
  public static final String NAME = "mbart";
  private static final int DEFAULT_HEADS = 4;
  private static final int FFN_RATIO = 4;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> tasks() {
    return Set.of(TranslationTask.NAME);
  }

  @Override
  public TrainableModel build(ModelSettings settings, TaskData train, NDManager manager, long seed) {
    TranslationData data = (TranslationData) train;
    if (settings.checkpointFormat().equals("none")) {
      MbartModel model = new MbartModel(configOf(settings, data.vocabularySize()), seed);
      model.initializeParameters(manager);
      return model;
    }
    if (settings.checkpointPath().isEmpty()) {
      throw new IllegalStateException("model " + settings.name() + ": no checkpoint path"
          + (settings.pretrainedByPipeline()
              ? " (the sweep resolves its pre-trained model in the warehouse; run `smc-bench pretrain` first)"
              : "; set smc.models." + settings.name() + ".checkpoint-path"));
    }
    HfMbartCheckpoint checkpoint = HfMbartCheckpoint.read(settings.checkpointPath(), HadoopConf.current());
    MbartConfig c = checkpoint.config();
    if (c.vocabSize() < data.vocabularySize()) {
      throw new IllegalArgumentException("model " + settings.name() + ": checkpoint " + settings.checkpointPath()
          + " has " + c.vocabSize() + " token rows, the tokenizer needs " + data.vocabularySize());
    }
    MbartConfig config = new MbartConfig(c.vocabSize(), c.dModel(), c.encoderLayers(), c.decoderLayers(), c.heads(),
        c.ffn(), c.maxPositions(), settings.dropout(), c.attentionDropout(), c.activationDropout(), c.scaleEmbedding(),
        c.padId(), c.eosId());
    MbartModel model = new MbartModel(config, seed);
    model.loadWeights(checkpoint.weights(), manager);
    model.initializeParameters(manager);
    model.setFinalLogitsBias(checkpoint.finalLogitsBias());
    return model;
  }

  /** The shape a model entry asks for (pre-training and random initialisation), over {@code vocabSize} tokens. */
  public static MbartConfig configOf(ModelSettings s, int vocabSize) {
    if (s.hiddenSize() <= 0 || s.layers() <= 0) {
      throw new IllegalArgumentException("model " + s.name() + ": an mBART model built without a checkpoint needs"
          + " hidden-size and layers (encoder and decoder layers each)");
    }
    int heads = s.heads() > 0 ? s.heads() : DEFAULT_HEADS;
    int ffn = s.ffnSize() > 0 ? s.ffnSize() : FFN_RATIO * s.hiddenSize();
    // mBART-50: dropout on sub-layer outputs, none on attention probabilities or after the GELU;
    // token embeddings scaled by sqrt(d_model); <pad> = 1, </s> = 2 (fairseq's dictionary order).
    return new MbartConfig(vocabSize, s.hiddenSize(), s.layers(), s.layers(), heads, ffn, s.maxSeqLen(), s.dropout(),
        0.0, 0.0, true, 1, 2);
  }

  /**
   * The model's own {@code tokenizer.json}: {@code seq2seq.tokenizer-path}, else the one beside an
   * {@code hf-safetensors} checkpoint. A vocabulary the pipeline learns lives in the warehouse
   * ({@code org.smcbench.data.translation.LearnedVocabularies}); asking the family for it is a bug.
   */
  @Override
  public byte[] tokenizerJson(ModelSettings settings) {
    String path = settings.learnsVocabulary() ? null
        : !settings.seq2seq().tokenizerPath().isEmpty() ? settings.seq2seq().tokenizerPath()
        : folder(settings.checkpointPath()) + "tokenizer.json";
    if (path == null) {
      throw new IllegalStateException("model " + settings.name() + " learns its vocabulary from the training text:"
          + " read it from the warehouse, not from the model family");
    }
    try {
      return Files.readAllBytes(CheckpointFiles.local(path, HadoopConf.current()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer " + path, e);
    }
  }

  private static String folder(String path) {
    return path.endsWith("/") ? path : path + "/";
  }
}
