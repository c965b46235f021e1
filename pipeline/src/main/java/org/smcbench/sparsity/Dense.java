package org.smcbench.sparsity;

import java.util.Optional;

/** No pruning: the dense fine-tuning every sparse result is compared with. */
public final class Dense implements SparsityMethod {
  @Override
  public String name() {
    return "dense";
  }

  @Override
  public Timing timing() {
    return Timing.NONE;
  }

  @Override
  public StartPoint startPoint() {
    return StartPoint.PRETRAINED;
  }

  @Override
  public Optional<MaskSet> initialMasks(PruningContext context) {
    return Optional.empty();
  }
}
