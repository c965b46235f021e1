package org.smcbench.sparsity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smcbench.sparsity.score.MagnitudeScorer;
import org.smcbench.sparsity.select.MaskSelector;

/**
 * LTH / IMP (Frankle & Carbin; Chen et al. for pre-trained BERT): from the dense fine-tuned model,
 * each round prunes {@code rate} of the remaining weights by global magnitude of the trained
 * weights, rewinds the survivors to the pre-trained weights (t = 0, the task head to its initial
 * values), and re-trains with the full schedule. Round k reaches 1 − (1 − rate)^k, so one run
 * yields every point of the paper's grid; each round is its own result.
 */
public final class IterativeMagnitude implements SparsityMethod {
  private final double rate;

  public IterativeMagnitude(double rate) {
    if (!(rate > 0 && rate < 1)) {
      throw new IllegalArgumentException("IMP's per-round rate must be in (0, 1), got " + rate);
    }
    this.rate = rate;
  }

  @Override
  public String name() {
    return "lth";
  }

  @Override
  public Timing timing() {
    return Timing.AFTER;
  }

  /** Round 0 is the dense fine-tuning; pruning starts from its trained weights. */
  @Override
  public StartPoint startPoint() {
    return StartPoint.DENSE_FINETUNED;
  }

  /** The sparsity after each round up to {@code target}, which must be 1 − (1 − rate)^k. */
  public List<Double> roundSparsities(double target) {
    long rounds = Math.round(Math.log(1 - target) / Math.log(1 - rate));
    double reached = 1 - Math.pow(1 - rate, rounds);
    if (rounds < 1 || Math.abs(reached - target) > 1e-6) {
      throw new IllegalArgumentException("lth reaches only 1 - " + (1 - rate) + "^k sparsities; " + target
          + " is not one of them");
    }
    List<Double> out = new ArrayList<>();
    for (int k = 1; k <= rounds; k++) {
      // Rounded to 12 decimals so round k is the grid's own value (1 - 0.8 gives 0.19999999999999996,
      // the grid says 0.2): run keys of the rounds must equal those the planner makes from the grid.
      out.add(new BigDecimal(1 - Math.pow(1 - rate, k)).setScale(12, RoundingMode.HALF_EVEN).doubleValue());
    }
    return out;
  }

  /** True when {@code sparsity} is a round of this schedule. */
  public boolean reaches(double sparsity) {
    try {
      roundSparsities(sparsity);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The next round's masks: prune by magnitude of the current (trained) weights; pruned stays pruned. */
  public MaskSet nextMasks(PruningContext context, MaskSet current) {
    var scores = new MagnitudeScorer().score(context.scope());
    var selection = MaskSelector.select(scores, context.targetSparsity(), context.granularity(),
        current == null ? null : current.selection());
    if (current == null) {
      return MaskSet.fromSelection(context.scope(), selection, context.manager());
    }
    current.update(selection);
    return current;
  }

  /** Not used: the run executor drives IMP's rounds through {@link #nextMasks}. */
  @Override
  public Optional<MaskSet> initialMasks(PruningContext context) {
    return Optional.of(nextMasks(context, null));
  }
}
