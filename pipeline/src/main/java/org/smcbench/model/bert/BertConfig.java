package org.smcbench.model.bert;

/**
 * Shape and regularisation of a BERT-family encoder (post-LayerNorm, learned absolute positions).
 *
 * @param vocabSize      rows of the word embedding
 * @param hidden         model width H
 * @param layers         number of transformer layers
 * @param heads          attention heads; must divide {@code hidden}
 * @param intermediate   FFN width
 * @param maxPositions   rows of the position embedding
 * @param typeVocabSize  rows of the token-type embedding
 * @param layerNormEps   epsilon of every LayerNorm
 * @param positionOffset position id of the first token: 0 for BERT, {@code padding_idx + 1 = 2}
 *                       for RoBERTa (whose table reserves the first rows)
 * @param dropout        dropout rate of embeddings, attention probabilities and sub-layer outputs
 */
public record BertConfig(
    int vocabSize,
    int hidden,
    int layers,
    int heads,
    int intermediate,
    int maxPositions,
    int typeVocabSize,
    double layerNormEps,
    int positionOffset,
    double dropout) {

  public BertConfig {
    requirePositive("vocabSize", vocabSize);
    requirePositive("hidden", hidden);
    requirePositive("heads", heads);
    requirePositive("intermediate", intermediate);
    requirePositive("maxPositions", maxPositions);
    requirePositive("typeVocabSize", typeVocabSize);
    if (layers < 0) {
      throw new IllegalArgumentException("layers must be >= 0, got " + layers);
    }
    if (hidden % heads != 0) {
      throw new IllegalArgumentException("hidden " + hidden + " is not divisible by heads " + heads);
    }
    if (!(layerNormEps > 0)) {
      throw new IllegalArgumentException("layerNormEps must be > 0, got " + layerNormEps);
    }
    if (positionOffset < 0 || positionOffset >= maxPositions) {
      throw new IllegalArgumentException("positionOffset " + positionOffset + " outside [0, " + maxPositions + ")");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
  }

  /** sentence-transformers/all-MiniLM-L6-v2 (the weights Maven Central ships as ONNX). */
  public static BertConfig miniLmL6() {
    return new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12, 0, 0.1);
  }

  /** The same encoder keeping only its first {@code layers} layers. */
  public BertConfig withLayers(int layers) {
    return new BertConfig(vocabSize, hidden, layers, heads, intermediate, maxPositions,
        typeVocabSize, layerNormEps, positionOffset, dropout);
  }

  public BertConfig withDropout(double dropout) {
    return new BertConfig(vocabSize, hidden, layers, heads, intermediate, maxPositions,
        typeVocabSize, layerNormEps, positionOffset, dropout);
  }

  public int headSize() {
    return hidden / heads;
  }

  /** Longest sequence the position table can embed. */
  public int maxSequenceLength() {
    return maxPositions - positionOffset;
  }

  private static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
  }
}
