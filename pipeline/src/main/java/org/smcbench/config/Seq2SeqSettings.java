package org.smcbench.config;

import java.io.Serializable;

/**
 * Sequence-to-sequence knobs of a translation model: its subword vocabulary, training loss and
 * beam-search decoding (the beam width is the model entry's {@code beam-size}).
 *
 * @param vocabSize      size of the subword vocabulary the pipeline learns from the training text
 *                       (specials and language tokens included); unused with {@code tokenizerPath}
 * @param tokenizerPath  a model's own Hugging Face {@code tokenizer.json} (real mBART); "" = learned
 * @param labelSmoothing ε of label-smoothed cross-entropy, as PyTorch's {@code label_smoothing}
 * @param lengthPenalty  α: a finished hypothesis scores (sum of log-probabilities) / length^α
 * @param maxLenA        decoding stops at {@code maxLenA × source length + maxLenB} tokens (fairseq)
 * @param maxLenB        see {@code maxLenA}
 * @param vocabularyCorpus a learned vocabulary's corpus: the sweep datasets the model reads, resolved
 *                       by the planner (empty until then)
 * @param languageTokens the mBART-50 language tokens of those datasets, pivots included (resolved likewise)
 */
public record Seq2SeqSettings(int vocabSize, String tokenizerPath, double labelSmoothing, double lengthPenalty,
    double maxLenA, int maxLenB, java.util.List<String> vocabularyCorpus, java.util.List<String> languageTokens)
    implements Serializable {

  public Seq2SeqSettings {
    vocabularyCorpus = java.util.List.copyOf(vocabularyCorpus);
    languageTokens = java.util.List.copyOf(languageTokens);
  }

  /** The same settings with the vocabulary's corpus and languages spelled out. */
  public Seq2SeqSettings withCorpus(java.util.List<String> datasets, java.util.List<String> languages) {
    return new Seq2SeqSettings(vocabSize, tokenizerPath, labelSmoothing, lengthPenalty, maxLenA, maxLenB, datasets,
        languages);
  }

}
