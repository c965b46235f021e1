package org.smcbench.sparsity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Iterative pruning, as LTH / IMP (Frankle & Carbin; Chen et al. for pre-trained BERT) does it:
 * from the dense fine-tuned model, each round prunes {@code rate} of the remaining weights by its
 * {@link PruningStep} (global magnitude for {@code lth}, oBERT's saliency and OBS update for
 * {@code obert}), then rewinds ({@link Rewind}: the survivors go back to the pre-trained weights,
 * the task head to its initial values, or stay as trained for learning-rate rewinding) and
 * re-trains with the full schedule, distilling from the dense parent if asked ({@code _kd}). Round k reaches 1 − (1 − rate)^k, so one run yields every point
 * of the paper's grid; each round is its own result.
 */
public final class IterativePruning implements SparsityMethod {
  private final String name;
  private final double rate;
  private final PruningStep step;
  private final Rewind rewind;
  private final Distillation distillation;

  public IterativePruning(String name, double rate, PruningStep step, Rewind rewind) {
    this(name, rate, step, rewind, null);
  }

  /** @param distillation how each round's training distils from the dense parent, or null for none */
  public IterativePruning(String name, double rate, PruningStep step, Rewind rewind, Distillation distillation) {
    if (!(rate > 0 && rate < 1)) {
      throw new IllegalArgumentException(name + "'s per-round rate must be in (0, 1), got " + rate);
    }
    this.name = name;
    this.rate = rate;
    this.step = step;
    this.rewind = rewind;
    this.distillation = distillation;
  }

  @Override
  public Optional<Distillation> distillation() {
    return Optional.ofNullable(distillation);
  }

  @Override
  public String name() {
    return name;
  }

  public Rewind rewind() {
    return rewind;
  }

  @Override
  public String scopeFor(String sweepScope) {
    return step.scopeFor(sweepScope);
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
      throw new IllegalArgumentException(name + " reaches only 1 - " + (1 - rate) + "^k sparsities; " + target
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

  /** The next round's masks from the current (trained) weights, by the step; pruned stays pruned. */
  public MaskSet nextMasks(PruningContext context, MaskSet current) {
    return step.next(context, current);
  }

  /** What a round does once its masks are applied: train (and evaluate, record) at that sparsity. */
  @FunctionalInterface
  public interface RoundTrainer {
    void train(double sparsity, PruningContext context, MaskSet masks) throws java.io.IOException;
  }

  /**
   * The rounds to {@code target}, on weights that start as the dense fine-tuned model: each round
   * prunes by the step, rewinds ({@code toStart} restores the start weights, for
   * {@link Rewind#PRETRAINED}; learning-rate rewinding keeps the step's weights), applies the masks
   * and trains.
   *
   * @param contexts the pruning context at a round's sparsity
   */
  public void runRounds(double target, java.util.function.DoubleFunction<PruningContext> contexts, Runnable toStart,
      RoundTrainer trainer) throws java.io.IOException {
    MaskSet masks = null;
    for (double sparsity : roundSparsities(target)) {
      PruningContext context = contexts.apply(sparsity);
      masks = nextMasks(context, masks);
      if (rewind == Rewind.PRETRAINED) {
        toStart.run();
      }
      masks.applyTo(context.scope());
      trainer.train(sparsity, context, masks);
    }
  }

  /** Not used: the run executor drives the rounds through {@link #nextMasks}. */
  @Override
  public Optional<MaskSet> initialMasks(PruningContext context) {
    return Optional.of(nextMasks(context, null));
  }
}
