package org.smcbench.sparsity;

import java.util.Optional;
import java.util.function.Function;
import org.smcbench.sparsity.score.Scorer;

/**
 * One-shot pruning to the target, then training with the mask fixed.
 *
 * <ul>
 *   <li>After ({@code omp_after}, {@code random_after}): start from the dense fine-tuned model,
 *       prune once, re-train with the full learning-rate schedule from its beginning.
 *   <li>Before ({@code omp_before}, {@code random_before}, {@code snip}): prune the pre-trained
 *       weights (with the freshly initialised head in the ranking), then fine-tune sparse.
 * </ul>
 */
public final class OneShot implements SparsityMethod {
  private final String name;
  private final Timing timing;
  private final Function<PruningContext, Scorer> scorer;

  public OneShot(String name, Timing timing, Function<PruningContext, Scorer> scorer) {
    if (timing != Timing.BEFORE && timing != Timing.AFTER) {
      throw new IllegalArgumentException("one-shot pruning happens before or after training, not " + timing);
    }
    this.name = name;
    this.timing = timing;
    this.scorer = scorer;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Timing timing() {
    return timing;
  }

  @Override
  public boolean prunesOnceFromScores() {
    return true;
  }

  @Override
  public StartPoint startPoint() {
    return timing == Timing.AFTER ? StartPoint.DENSE_FINETUNED : StartPoint.PRETRAINED;
  }

  @Override
  public Optional<MaskSet> initialMasks(PruningContext context) {
    return Optional.of(Masks.select(context, scorer.apply(context).score(context.scope())));
  }
}
