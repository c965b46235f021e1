package org.smcbench.data.protein;

/**
 * The token ids a protein model reads: ESM's 33-symbol alphabet ({@link EsmAlphabet}, the ids
 * ingest stores in {@code smc.protein_examples.tokens}) or TAPE's IUPAC vocabulary
 * ({@link TapeVocabulary}, encoded from the stored sequence). Both frame the residues between a
 * start and a stop token, so truncation and the pooling mask are the same rule over their own ids.
 */
public enum ProteinVocabulary {
  ESM(EsmAlphabet.PAD, EsmAlphabet.CLS, EsmAlphabet.EOS),
  TAPE(TapeVocabulary.PAD, TapeVocabulary.CLS, TapeVocabulary.SEP);

  private final int pad;
  private final int start;
  private final int stop;

  ProteinVocabulary(int pad, int start, int stop) {
    this.pad = pad;
    this.start = start;
    this.stop = stop;
  }

  public int pad() {
    return pad;
  }

  /** True for a residue's id, false for the start and stop tokens (and padding). */
  public boolean isResidue(int id) {
    return id != start && id != stop && id != pad;
  }

  /**
   * A sequence's ids: ESM's are {@code esmTokens} as ingest stored them, TAPE's are encoded from
   * {@code sequence}. Not yet truncated.
   */
  public int[] ids(String sequence, int[] esmTokens) {
    return this == ESM ? esmTokens : TapeVocabulary.encode(sequence, 0);
  }

  /** The start token + the first maxTokens − 2 residues + the stop token; shorter encodings as they are. */
  public int[] truncate(int[] tokens, int maxTokens) {
    if (tokens.length <= maxTokens) {
      return tokens;
    }
    int[] out = java.util.Arrays.copyOf(tokens, maxTokens);
    out[maxTokens - 1] = stop;
    return out;
  }
}
