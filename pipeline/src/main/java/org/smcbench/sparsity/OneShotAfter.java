package org.smcbench.sparsity;

import java.util.Optional;
import org.smcbench.sparsity.score.Scorer;

/**
 * Prune after training: start from the dense fine-tuned model, prune once to the target by the
 * scorer (magnitude = OMP (After), uniform random = Random (After)), then re-train with the full
 * learning-rate schedule from its beginning, as the paper does.
 */
public final class OneShotAfter implements SparsityMethod {
  private final String name;
  private final java.util.function.LongFunction<Scorer> scorer;

  public OneShotAfter(String name, java.util.function.LongFunction<Scorer> scorer) {
    this.name = name;
    this.scorer = scorer;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Timing timing() {
    return Timing.AFTER;
  }

  @Override
  public StartPoint startPoint() {
    return StartPoint.DENSE_FINETUNED;
  }

  @Override
  public Optional<MaskSet> initialMasks(PruningContext context) {
    return Optional.of(Masks.select(context, scorer.apply(context.seed()).score(context.scope())));
  }
}
