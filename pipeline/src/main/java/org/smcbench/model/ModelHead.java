package org.smcbench.model;

import java.util.List;

/** The head on an encoder ({@link EncoderHeadModel}): a transformer block that declares its prunable weights. */
public abstract class ModelHead extends TransformerBlock {
  protected ModelHead(long seed) {
    super(seed);
  }

  /** The head's weight matrices a sparsity method may prune (kind {@link ModuleKind#HEAD}), in order. */
  public abstract List<PrunableTensor> prunableScope();
}
