package org.smcbench.sparsity;

import org.smcbench.model.ModuleKind;

/**
 * Zeros of one live weight tensor: what a checkpoint actually holds, whatever the mask says.
 *
 * @param zeros entries equal to zero (either sign)
 */
public record TensorStats(String name, ModuleKind kind, int layer, long numel, long zeros) {

  public double sparsity() {
    return numel == 0 ? 0.0 : (double) zeros / numel;
  }
}
