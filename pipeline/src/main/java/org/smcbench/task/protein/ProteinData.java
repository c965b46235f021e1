package org.smcbench.task.protein;

import org.smcbench.data.protein.ProteinVocabulary;
import org.smcbench.task.TaskData;

/**
 * One split of a protein dataset as its task trains on it: token ids per sequence in the model's
 * vocabulary (start token, residues, stop token, truncated to the model's length), and a class
 * label or a continuous target per sequence.
 *
 * @param labels class per sequence (classification), null for regression
 * @param targets target per sequence in its own unit (°C), null for classification
 * @param targetMean train-split mean of the targets; the regression head predicts
 *     (target − mean) / std, so the loss is well scaled whatever the unit
 * @param targetStd train-split standard deviation of the targets (1 for classification)
 * @param compositionBaseline the amino-acid-composition model's score on this split when it is an
 *     evaluation split (accuracy or Spearman ρ), NaN otherwise
 * @param ca structure datasets: per sequence, x y z (Å) of each residue's Cα, 3 per residue of
 *     {@code tokens} (without {@code <cls>} / {@code <eos>}); null for sequence datasets
 * @param vocabulary whose ids {@code tokens} are (ESM's or TAPE's): its padding id and specials
 */
public record ProteinData(
    String[] ids,
    int[][] tokens,
    int[] labels,
    double[] targets,
    int classes,
    double targetMean,
    double targetStd,
    double compositionBaseline,
    float[][] ca,
    long sourceVersion,
    ProteinVocabulary vocabulary) implements TaskData {

  @Override
  public int size() {
    return tokens.length;
  }

  public boolean hasStructures() {
    return ca != null;
  }

  public boolean isClassification() {
    return labels != null;
  }
}
