package org.smcbench.sparsity;

import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.ActivationProbe.InputStats;
import org.smcbench.sparsity.obs.SparseGptSolver;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.train.NoGrad;

/**
 * SparseGPT (Frantar & Alistarh, 2023), After: from the dense fine-tuned model, each linear weight is
 * pruned one-shot and its kept weights are updated to reconstruct the layer's outputs on calibration
 * batches of the training data ({@link SparseGptSolver}); the updated weights replace the live ones,
 * then the model re-trains with the mask fixed like the other After methods, or (without
 * re-training, as the SparseGPT paper reports it) is evaluated as it is. Each tensor prunes
 * round(s·n) (the run's global/layerwise granularity does not apply: the method is per layer), or N
 * of every M under an N:M selection.
 *
 * <p>An embedding table is a linear layer over one-hot inputs, so its H is diagonal (reads per row):
 * there is no cross-column update, and SparseGPT's score w²·H_rr orders a table's weights as Wanda's
 * |w|·√reads does. Tables are therefore pruned exactly as {@link Wanda} prunes them (within each
 * output, weights unchanged); SparseGPT's reference defines no tables.
 */
public final class SparseGpt extends CalibratedOneShot {
  private final SparseGptSolver solver;

  public SparseGpt(String name, int batches, int blockSize, double dampening, boolean retrain) {
    super(name, batches, retrain);
    this.solver = new SparseGptSolver(blockSize, dampening);
  }

  @Override
  public Optional<MaskSet> initialMasks(PruningContext context) {
    LinkedHashMap<String, InputStats> stats = context.activations().inputGrams(batches());
    for (PrunableTensor t : context.scope()) {
      if (stats.get(t.name()) == null) {
        throw new IllegalStateException(name() + ": no input statistics for " + t.name());
      }
    }
    List<PrunableTensor> tables = context.scope().stream().filter(t -> stats.get(t.name()).lookup()).toList();
    MaskSelection tableMasks = tables.isEmpty() ? null
        : Wanda.select(tables, stats, batches(), context.targetSparsity(), context.pattern());
    LinkedHashMap<String, boolean[]> kept = new LinkedHashMap<>();
    for (PrunableTensor t : context.scope()) {
      InputStats s = stats.get(t.name());
      kept.put(t.name(), s.lookup() ? tableMasks.mask(t.name()) : reconstruct(t, s, context));
    }
    return Optional.of(MaskSet.fromSelection(context.scope(), new MaskSelection(kept), context.manager()));
  }

  /** Prunes and updates one linear weight in place; its kept flags. */
  private boolean[] reconstruct(PrunableTensor t, InputStats s, PruningContext context) {
    Shape shape = t.array().getShape();
    if (shape.dimension() != 2 || s.gram() == null) {
      throw new IllegalStateException(name() + ": " + t.name() + " " + shape
          + " needs a linear weight [out, in] with the Gram matrix of its inputs");
    }
    int rows = Math.toIntExact(shape.get(0));
    int cols = Math.toIntExact(shape.get(1));
    float[] live = t.array().toFloatArray();
    double[] w = new double[live.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = live[i];
    }
    SparseGptSolver.Result result;
    try {
      result = context.pattern() != null ? solver.prune(w, rows, cols, s.gram(), context.pattern())
          : solver.prune(w, rows, cols, s.gram(), context.targetSparsity());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException(name() + ": tensor '" + t.name() + "': " + e.getMessage(), e);
    }
    float[] updated = new float[w.length];
    for (int i = 0; i < updated.length; i++) {
      updated[i] = (float) result.weights()[i];
    }
    try (NoGrad ignored = NoGrad.enter()) {
      t.array().set(updated);
    }
    return result.kept();
  }
}
