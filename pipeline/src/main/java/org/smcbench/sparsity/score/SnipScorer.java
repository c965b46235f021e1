package org.smcbench.sparsity.score;

import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.GradientProbe;

/**
 * SNIP (Lee et al., 2019): connection sensitivity |g ⊙ w|, with g the loss gradient summed over
 * {@code batches} training batches at the current (pre-trained) weights.
 */
public final class SnipScorer implements Scorer {
  private final GradientProbe gradients;
  private final int batches;

  public SnipScorer(GradientProbe gradients, int batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("SNIP needs at least one calibration batch, got " + batches);
    }
    this.gradients = gradients;
    this.batches = batches;
  }

  @Override
  public LinkedHashMap<String, float[]> score(List<PrunableTensor> scope) {
    LinkedHashMap<String, float[]> grads = gradients.lossGradients(batches);
    LinkedHashMap<String, float[]> scores = new LinkedHashMap<>();
    for (PrunableTensor t : scope) {
      float[] w = t.array().toFloatArray();
      float[] g = grads.get(t.name());
      if (g == null || g.length != w.length) {
        throw new IllegalStateException("no gradient of matching size for " + t.name());
      }
      float[] s = new float[w.length];
      for (int i = 0; i < w.length; i++) {
        s[i] = Math.abs(g[i] * w[i]);
      }
      scores.put(t.name(), s);
    }
    return scores;
  }
}
