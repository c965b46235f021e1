package org.smcbench.sparsity.score;

import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.ActivationProbe;
import org.smcbench.sparsity.ActivationProbe.InputStats;

/**
 * Wanda (Sun et al., 2023): S_ij = |W_ij| · ‖X_j‖₂, the weight's magnitude times the L2 norm of the
 * input feature it multiplies over {@code batches} calibration batches. For an embedding table
 * [rows, width] (a linear layer over one-hot inputs, weight = its transpose) the input norm of row r
 * is √(times r was read).
 */
public final class WandaScorer implements Scorer {
  private final ActivationProbe activations;
  private final int batches;

  public WandaScorer(ActivationProbe activations, int batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("Wanda needs at least one calibration batch, got " + batches);
    }
    this.activations = activations;
    this.batches = batches;
  }

  @Override
  public LinkedHashMap<String, float[]> score(List<PrunableTensor> scope) {
    LinkedHashMap<String, InputStats> stats = activations.inputStats(batches);
    LinkedHashMap<String, float[]> scores = new LinkedHashMap<>();
    for (PrunableTensor t : scope) {
      InputStats s = stats.get(t.name());
      if (s == null) {
        throw new IllegalStateException("wanda: no input statistics for " + t.name());
      }
      scores.put(t.name(), score(t.array().toFloatArray(), t.array().getShape(), s));
    }
    return scores;
  }

  /** Scores of one tensor [out, in] (linear) or [rows, width] (lookup), flat row-major. */
  static float[] score(float[] w, Shape shape, InputStats s) {
    if (shape.dimension() != 2) {
      throw new IllegalArgumentException("wanda scores matrices, got shape " + shape);
    }
    int rows = Math.toIntExact(shape.get(0));
    int cols = Math.toIntExact(shape.get(1));
    int expected = s.lookup() ? rows : cols;
    if (s.squares().length != expected) {
      throw new IllegalArgumentException("input statistics of length " + s.squares().length + " for shape " + shape
          + (s.lookup() ? " read as a table" : " used as a linear weight"));
    }
    float[] out = new float[w.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        out[i] = (float) (Math.abs(w[i]) * Math.sqrt(s.squares()[s.lookup() ? r : c]));
      }
    }
    return out;
  }
}
