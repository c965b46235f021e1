package org.smcbench.sparsity;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Function;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.score.Scorer;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.sparsity.select.SmallestAmong;

/**
 * RigL (Evci et al., 2020), started from a Before method's mask (OMP, Random or SNIP on the
 * pre-trained weights). Every {@code interval} steps until {@code T_end}, each tensor drops the
 * fraction α_t = α/2·(1 + cos(π t / T_end)) of its active weights with the smallest magnitude and
 * grows as many inactive ones with the largest dense-gradient magnitude (grown weights start at
 * zero; just-dropped ones are not regrown in the same update), so per-tensor and global sparsity
 * stay at the target. Only weights with a non-zero gradient are grown, and a tensor moves no more
 * weights than it has such candidates: a grown zero-gradient weight would stay zero.
 */
public final class RigL implements SparsityMethod {
  private final String name;
  private final Function<PruningContext, Scorer> initial;
  private final int interval;
  private final double alpha;
  private final double endFraction;

  public RigL(String name, Function<PruningContext, Scorer> initial, int interval, double alpha, double endFraction) {
    if (interval < 1 || !(alpha > 0 && alpha <= 1) || !(endFraction > 0 && endFraction <= 1)) {
      throw new IllegalArgumentException("RigL needs interval >= 1, alpha in (0, 1], end in (0, 1]");
    }
    this.name = name;
    this.initial = initial;
    this.interval = interval;
    this.alpha = alpha;
    this.endFraction = endFraction;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Timing timing() {
    return Timing.DURING;
  }

  @Override
  public StartPoint startPoint() {
    return StartPoint.PRETRAINED;
  }

  @Override
  public Optional<MaskSet> initialMasks(PruningContext context) {
    return Optional.of(Masks.select(context, initial.apply(context).score(context.scope())));
  }

  /** α_t, the fraction of active weights each tensor moves at step t (0 from T_end on). */
  public static double dropFraction(int step, int endStep, double alpha) {
    return step >= endStep ? 0.0 : alpha / 2 * (1 + Math.cos(Math.PI * step / endStep));
  }

  @Override
  public void beforeOptimizerStep(PruningContext context, MaskSet masks, int step) {
    int endStep = (int) Math.round(endFraction * context.totalSteps());
    if (step % interval != 0 || step >= endStep) {
      return;
    }
    LinkedHashMap<String, float[]> weights = new LinkedHashMap<>();
    LinkedHashMap<String, float[]> grads = new LinkedHashMap<>();
    for (PrunableTensor t : context.scope()) {
      NDArray w = t.array();
      weights.put(t.name(), w.toFloatArray());
      try (NDArray g = w.getGradient()) {
        grads.put(t.name(), g.toFloatArray());
      }
    }
    masks.update(regrow(weights, grads, masks.selection(), dropFraction(step, endStep, alpha)));
    masks.applyTo(context.scope());
  }

  /** One drop-and-grow update, per tensor, on host copies of weights and dense gradients. */
  public static MaskSelection regrow(LinkedHashMap<String, float[]> weights, LinkedHashMap<String, float[]> grads,
      MaskSelection current, double fraction) {
    LinkedHashMap<String, boolean[]> next = new LinkedHashMap<>();
    for (String name : current.names()) {
      boolean[] kept = current.mask(name);
      float[] w = weights.get(name);
      float[] g = grads.get(name);
      long active = current.kept(name);
      float[] magnitude = new float[w.length];
      float[] negGrad = new float[g.length];
      boolean[] growable = new boolean[kept.length];
      long candidates = 0;
      for (int i = 0; i < w.length; i++) {
        magnitude[i] = Math.abs(w[i]);
        negGrad[i] = -Math.abs(g[i]);
        // A weight with zero gradient would stay exactly zero once grown (an embedding row of a
        // token absent from the batch): growing it would drop a weight without replacing it.
        growable[i] = !kept[i] && g[i] != 0f;
        candidates += growable[i] ? 1 : 0;
      }
      long n = Math.min(Math.round(fraction * active), candidates);
      boolean[] drop = SmallestAmong.pick(magnitude, kept, n);
      boolean[] grow = SmallestAmong.pick(negGrad, growable, n);
      boolean[] updated = new boolean[kept.length];
      for (int i = 0; i < kept.length; i++) {
        updated[i] = (kept[i] && !drop[i]) || grow[i];
      }
      next.put(name, updated);
    }
    return new MaskSelection(next);
  }
}
