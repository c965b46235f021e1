package org.smcbench.config;

import java.io.Serializable;

/**
 * One model of the sweep: its family (which builds the network), where its pretrained weights come
 * from, and its size knobs.
 *
 * @param layers          encoder layers to keep from the checkpoint; 0 keeps them all
 * @param pooling         how a sequence becomes the head's input: first-token (fairseq RoBERTa) or mean
 * @param embeddingSize   tree decoders: word-embedding width (0 = the family's default, or the
 *                        width of {@code embeddingSource})
 * @param hiddenSize      tree decoders: GRU and goal width (0 = the family's default)
 * @param beamSize        tree decoders: beam width at evaluation (0 = the family's default, 5)
 * @param embeddingSource tree decoders: the pretrained encoder whose token embeddings initialise the
 *                        input embeddings; null = random
 * @param embeddingMode   with {@code embeddingSource}: {@value #TABLE} (its token-embedding rows, each
 *                        word the mean of its sub-word rows) or {@value #ENCODER} (the whole pretrained
 *                        encoder over the sub-words, its outputs pooled per word, fine-tuned with the rest)
 * @param heads           encoders built without a checkpoint (ESM): attention heads (0 = the family's default)
 * @param ffnSize         encoders built without a checkpoint: FFN inner width (0 = 4 × hidden)
 * @param positions       ESM: rotary or absolute position encoding ("" = the family's default, rotary)
 * @param pretrain        {@value #MLM_PRETRAIN} and {@value #DENOISE_PRETRAIN} checkpoints: how the
 *                        pipeline pre-trains the model
 * @param seq2seq         translation models: vocabulary, loss and decoding; null for other families
 */
public record ModelSettings(
    String name,
    String family,
    String checkpointFormat,
    String checkpointPath,
    int layers,
    int maxSeqLen,
    double dropout,
    String pooling,
    int embeddingSize,
    int hiddenSize,
    int beamSize,
    ModelSettings embeddingSource,
    String embeddingMode,
    int heads,
    int ffnSize,
    String positions,
    PretrainSettings pretrain,
    Seq2SeqSettings seq2seq) implements Serializable {

  public static final String TABLE = "table";
  /** checkpoint-format of an encoder the pipeline pre-trains itself ({@code smc-bench pretrain}). */
  public static final String MLM_PRETRAIN = "mlm-pretrain";
  public static final String ENCODER = "encoder";
  /** checkpoint-format of an encoder-decoder the pipeline pre-trains itself with mBART's denoising objective. */
  public static final String DENOISE_PRETRAIN = "denoise-pretrain";

  /** Whether the pipeline pre-trains this model itself ({@code smc-bench pretrain}) before fine-tuning it. */
  public boolean pretrainedByPipeline() {
    return MLM_PRETRAIN.equals(checkpointFormat) || DENOISE_PRETRAIN.equals(checkpointFormat);
  }

  /** checkpoint-format of a Hugging Face folder: config.json, model.safetensors (and tokenizer.json). */
  public static final String HF_SAFETENSORS = "hf-safetensors";

  /**
   * Whether the pipeline learns this translation model's subword vocabulary from the training text:
   * neither {@code seq2seq.tokenizer-path} nor a Hugging Face checkpoint (whose folder has its
   * {@code tokenizer.json}) names one.
   */
  public boolean learnsVocabulary() {
    return seq2seq != null && seq2seq.tokenizerPath().isEmpty() && !HF_SAFETENSORS.equals(checkpointFormat);
  }

  /** Whether words are embedded by the whole pretrained encoder of {@code embeddingSource}. */
  public boolean embedsWithEncoder() {
    return embeddingSource != null && ENCODER.equals(embeddingMode);
  }

  /** An encoder model (no tree-decoder knobs). */
  public ModelSettings(String name, String family, String checkpointFormat, String checkpointPath, int layers,
      int maxSeqLen, double dropout, String pooling) {
    this(name, family, checkpointFormat, checkpointPath, layers, maxSeqLen, dropout, pooling, 0, 0, 0, null, TABLE);
  }

  /** A model without the encoder-shape and pre-training knobs (tree decoders, checkpoint encoders). */
  public ModelSettings(String name, String family, String checkpointFormat, String checkpointPath, int layers,
      int maxSeqLen, double dropout, String pooling, int embeddingSize, int hiddenSize, int beamSize,
      ModelSettings embeddingSource, String embeddingMode) {
    this(name, family, checkpointFormat, checkpointPath, layers, maxSeqLen, dropout, pooling, embeddingSize,
        hiddenSize, beamSize, embeddingSource, embeddingMode, 0, 0, "", null, null);
  }

  /** The same model with its weights at {@code path} (a pre-trained checkpoint resolved on the driver). */
  public ModelSettings withCheckpointPath(String path) {
    return new ModelSettings(name, family, checkpointFormat, path, layers, maxSeqLen, dropout, pooling, embeddingSize,
        hiddenSize, beamSize, embeddingSource, embeddingMode, heads, ffnSize, positions, pretrain, seq2seq);
  }

  /** The same model with {@code resolved} sequence-to-sequence settings (its vocabulary's corpus spelled out). */
  public ModelSettings withSeq2seq(Seq2SeqSettings resolved) {
    return new ModelSettings(name, family, checkpointFormat, checkpointPath, layers, maxSeqLen, dropout, pooling,
        embeddingSize, hiddenSize, beamSize, embeddingSource, embeddingMode, heads, ffnSize, positions, pretrain,
        resolved);
  }

  /** The same model pre-trained with {@code resolved} settings (its corpus spelled out). */
  public ModelSettings withPretrain(PretrainSettings resolved) {
    return new ModelSettings(name, family, checkpointFormat, checkpointPath, layers, maxSeqLen, dropout, pooling,
        embeddingSize, hiddenSize, beamSize, embeddingSource, embeddingMode, heads, ffnSize, positions, resolved,
        seq2seq);
  }
}
