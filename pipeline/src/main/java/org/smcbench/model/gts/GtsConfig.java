package org.smcbench.model.gts;

import java.io.Serializable;
import org.smcbench.task.mwp.MwpData;

/**
 * Shape of a GTS model. The output side (operators, constants, quantity slots) and the word
 * vocabulary come from the train split; GTS's own sizes are embedding 128, hidden 512, 2 GRU
 * layers, dropout 0.5, beam 5.
 *
 * @param maxDecodeLength beam/greedy search stops after this many tokens (the prediction is then
 *                        malformed and scored wrong)
 */
public record GtsConfig(
    int vocabSize,
    int embedding,
    int hidden,
    int encoderLayers,
    int operators,
    int constants,
    int maxQuantities,
    double dropout,
    int beamSize,
    int maxDecodeLength) implements Serializable {

  /** Default size on CPU: embedding 128, hidden 256 (half of GTS's 512). */
  public static final int CPU_EMBEDDING = 128;
  public static final int CPU_HIDDEN = 256;

  public GtsConfig {
    if (vocabSize < 1 || embedding < 1 || hidden < 1 || encoderLayers < 1 || operators < 1 || constants < 0
        || maxQuantities < 1 || beamSize < 1 || maxDecodeLength < 1) {
      throw new IllegalArgumentException("invalid GTS configuration: " + this);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
    }
  }

  /** Sized for {@code train}: its vocabularies, 2 GRU layers, beam 5, max length 2 × longest target + 5. */
  public static GtsConfig forData(MwpData train, int embedding, int hidden, double dropout) {
    return new GtsConfig(train.words().size(), embedding, hidden, 2, train.output().numOperators(),
        train.output().numConstants(), train.output().maxQuantities(), dropout, 5, defaultMaxDecodeLength(train));
  }

  public static int defaultMaxDecodeLength(MwpData train) {
    return 2 * train.longestTarget() + 5;
  }

  public int outputSize() {
    return operators + constants + maxQuantities;
  }

  /** Constants and quantity slots: the leaf candidates scored against the goal. */
  public int candidates() {
    return constants + maxQuantities;
  }

  public GtsConfig withBeam(int beam, int maxLength) {
    return new GtsConfig(vocabSize, embedding, hidden, encoderLayers, operators, constants, maxQuantities, dropout,
        beam, maxLength);
  }

  public GtsConfig withDropout(double rate) {
    return new GtsConfig(vocabSize, embedding, hidden, encoderLayers, operators, constants, maxQuantities, rate,
        beamSize, maxDecodeLength);
  }
}
