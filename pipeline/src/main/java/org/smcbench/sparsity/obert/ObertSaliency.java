package org.smcbench.sparsity.obert;

/**
 * oBERT's saliency of a single weight, ρ_q = w_q² / (2 [F⁻¹]_qq): the loss increase (second-order,
 * after the optimal update of the rest of its block) of removing it alone. Higher means keep.
 */
public final class ObertSaliency {
  private ObertSaliency() {}

  public static float[] of(float[] w, BlockFisherInverse inverse) {
    double[] diagonal = inverse.diagonal();
    if (w.length != diagonal.length) {
      throw new IllegalArgumentException("weights of " + w.length + " entries for a Fisher inverse of " + diagonal.length);
    }
    float[] rho = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      rho[i] = (float) ((double) w[i] * w[i] / (2 * diagonal[i]));
    }
    return rho;
  }
}
