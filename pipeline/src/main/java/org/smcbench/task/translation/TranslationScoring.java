package org.smcbench.task.translation;

/**
 * The scorers translation results are reported with, in one place: the evaluation scores with them
 * and the aggregation names them in {@code smc.translation_scores} by their sacreBLEU-style
 * signatures, so a stored score and the signature beside it cannot disagree.
 */
public final class TranslationScoring {
  private TranslationScoring() {}

  /** sacreBLEU's corpus BLEU defaults with the tokenizer for the target language ({@code 13a}, {@code zh}, {@code char}). */
  public static CorpusBleu bleuFor(String targetIso1) {
    return CorpusBleu.forTarget(targetIso1);
  }

  /** sacreBLEU's chrF defaults (chrF2, character order 6, no word n-grams). */
  public static ChrF chrf() {
    return ChrF.defaults();
  }

  /** The BLEU signature of a direction into {@code targetIso1}, one reference per segment. */
  public static String bleuSignature(String targetIso1) {
    return bleuFor(targetIso1).signature(1);
  }

  /** The chrF signature, one reference per segment. */
  public static String chrfSignature() {
    return chrf().signature(1);
  }
}
