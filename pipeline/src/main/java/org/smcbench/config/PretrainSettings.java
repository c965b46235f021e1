package org.smcbench.config;

import java.io.Serializable;
import java.util.List;

/**
 * Masked-language-model pre-training of an encoder the pipeline trains itself (no checkpoint can
 * be downloaded): the corpus is the train split of {@code datasets} (the sweep's datasets of the
 * model's tasks when empty), masked as BERT / ESM do.
 *
 * @param maskProbability share of residues chosen for prediction (ESM: 0.15); of those 80 % become
 *     {@code <mask>}, 10 % a random residue, 10 % stay
 */
public record PretrainSettings(
    int steps,
    int batchSize,
    double learningRate,
    int warmupSteps,
    double weightDecay,
    double maskProbability,
    int seed,
    List<String> datasets) implements Serializable {

  public PretrainSettings {
    datasets = List.copyOf(datasets);
  }
}
