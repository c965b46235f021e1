package org.smcbench.pretrain;

import java.util.concurrent.atomic.AtomicLong;
import org.smcbench.task.TaskData;

/**
 * A pre-training corpus: token ids per sequence ({@code <cls> residues <eos>}, cut to the model's
 * length). Masks are drawn afresh for every batch (dynamic masking, as RoBERTa and ESM), from a
 * generator seeded by {@code seed} and the batch's ordinal, so a run is reproducible; with
 * {@code fixedMasks} every call masks a sequence the same way (held-out evaluation).
 */
public record MlmData(int[][] tokens, double maskProbability, long seed, boolean fixedMasks, long sourceVersion,
    AtomicLong batches) implements TaskData {

  public MlmData(int[][] tokens, double maskProbability, long seed, boolean fixedMasks, long sourceVersion) {
    this(tokens, maskProbability, seed, fixedMasks, sourceVersion, new AtomicLong());
  }

  @Override
  public int size() {
    return tokens.length;
  }
}
