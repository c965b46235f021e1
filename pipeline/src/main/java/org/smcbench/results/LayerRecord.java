package org.smcbench.results;

import java.io.Serializable;

/** One row of {@code smc.layer_sparsity}: zeros of one weight tensor at the end of a run. */
public record LayerRecord(
    String runKey, int position, String parameter, int layer, String moduleKind, long numel, long zeros)
    implements Serializable {

  public double sparsity() {
    return numel == 0 ? 0 : (double) zeros / numel;
  }
}
