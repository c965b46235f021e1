package org.smcbench.sparsity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.model.PrunableTensor;
import org.smcbench.train.NoGrad;

/**
 * Movement pruning's scores (Sanh et al., 2020, first-order form): S = −Σ_t (∂L/∂W)_t ⊙ W_t, one
 * float32 array per prunable tensor on the weights' device, summed in place with grad mode off.
 * {@link #accumulate} adds one step's term from the gradients sitting in the parameters.
 *
 * <p>The product is taken with the stored weight, and this project holds pruned weights at exactly
 * zero, so a pruned weight's score stops changing at the step it was pruned.
 */
public final class MovementScores implements AutoCloseable {
  private final LinkedHashMap<String, NDArray> scores = new LinkedHashMap<>();
  private final List<PrunableTensor> scope;

  /** Zero scores for {@code scope}, held in {@code manager} until {@link #close()}. */
  public MovementScores(List<PrunableTensor> scope, NDManager manager) {
    this.scope = scope;
    for (PrunableTensor t : scope) {
      NDArray w = t.array();
      if (scores.put(t.name(), manager.zeros(w.getShape(), DataType.FLOAT32, w.getDevice())) != null) {
        close();
        throw new IllegalArgumentException("tensor name '" + t.name() + "' appears twice in the scope");
      }
    }
  }

  /** S ← S − g ⊙ w for every tensor, with the batch's gradients g; a tensor without one adds nothing. */
  public void accumulate() {
    try (NoGrad ignored = NoGrad.enter()) {
      for (PrunableTensor t : scope) {
        NDArray w = t.array();
        if (!w.hasGradient()) {
          continue;
        }
        // getGradient() is a new handle on the gradient's storage: close the handle only.
        try (NDArray g = w.getGradient(); NDArray product = w.mul(g)) {
          if (product.getDataType() == DataType.FLOAT32) {
            scores.get(t.name()).subi(product);
          } else {
            try (NDArray wide = product.toType(DataType.FLOAT32, true)) {
              scores.get(t.name()).subi(wide);
            }
          }
        }
      }
    }
  }

  /** Host copies of the scores, in scope order, as the mask selectors take them. */
  public LinkedHashMap<String, float[]> host() {
    LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
    scores.forEach((name, s) -> out.put(name, s.toFloatArray()));
    return out;
  }

  /** Frees the score arrays. */
  @Override
  public void close() {
    scores.values().forEach(NDArray::close);
  }
}
