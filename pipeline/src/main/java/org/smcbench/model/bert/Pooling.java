package org.smcbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * How one sequence's hidden states [N, T, H] become the head's input [N, H].
 *
 * <p>{@link #FIRST_TOKEN} is fairseq's RoBERTa head (the paper's setting). {@link #MEAN} is how
 * sentence-transformers checkpoints such as all-MiniLM-L6-v2 were trained: their first token was
 * never a summary, and measured here, first-token pooling with dropout 0.1 left a trivially
 * learnable 64-question fixture at chance after 100 steps, while mean pooling learns it.
 */
public enum Pooling {
  FIRST_TOKEN("first-token"),
  MEAN("mean");

  private final String label;

  Pooling(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Pooling fromLabel(String label) {
    for (Pooling p : values()) {
      if (p.label.equals(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown pooling '" + label + "'");
  }

  /** @param mask [N, T], 1 for real tokens, 0 for padding */
  NDArray pool(NDArray hidden, NDArray mask) {
    if (this == FIRST_TOKEN) {
      return hidden.get(new NDIndex(":, 0, :"));
    }
    NDArray weights = mask.toType(DataType.FLOAT32, false).expandDims(2);
    return hidden.mul(weights).sum(new int[] {1}).div(weights.sum(new int[] {1}));
  }
}
