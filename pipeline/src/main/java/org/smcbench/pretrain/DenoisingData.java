package org.smcbench.pretrain;

import java.util.concurrent.atomic.AtomicLong;
import org.smcbench.task.TaskData;

/**
 * A denoising pre-training corpus: documents of consecutive sentences of one language (token ids,
 * no specials), with the language's token. Noise is drawn afresh for every batch from a generator
 * seeded by {@code seed} and the batch's ordinal; with {@code fixedNoise} a document is always
 * noised the same way (held-out evaluation).
 *
 * @param documents      per document, its sentences
 * @param languageTokens per document, the id of its language token (mBART-50's {@code fr_XX}, ...)
 * @param maxLength      longest encoder or decoder sequence, specials included
 */
public record DenoisingData(int[][][] documents, int[] languageTokens, double maskRatio, int maskId, int maxLength,
    long seed, boolean fixedNoise, long sourceVersion, AtomicLong batches) implements TaskData {

  public DenoisingData(int[][][] documents, int[] languageTokens, double maskRatio, int maskId, int maxLength,
      long seed, boolean fixedNoise, long sourceVersion) {
    this(documents, languageTokens, maskRatio, maskId, maxLength, seed, fixedNoise, sourceVersion, new AtomicLong());
  }

  @Override
  public int size() {
    return documents.length;
  }
}
