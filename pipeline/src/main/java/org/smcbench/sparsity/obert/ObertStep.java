package org.smcbench.sparsity.obert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.MaskSet;
import org.smcbench.sparsity.PruningContext;
import org.smcbench.sparsity.PruningScope;
import org.smcbench.sparsity.PruningStep;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.sparsity.select.MaskSelector;
import org.smcbench.train.NoGrad;

/**
 * One oBERT pruning step (Kurtic et al., 2022) on the scope's current weights:
 * <ol>
 *   <li>the block-diagonal empirical Fisher inverse of every tensor from {@code gradients} loss
 *       gradients, one per training batch, with already-pruned entries' gradients zeroed (as
 *       oBERT's reference does), accumulated gradient by gradient;
 *   <li>saliency ρ = w²/(2[F⁻¹]_qq) and the project's exact global (or layerwise) selection of the
 *       lowest ρ, pruned staying pruned;
 *   <li>the OBS update of each block's surviving weights ({@link ObsUpdate}), written to the live
 *       weights; pruned weights become exactly 0.
 * </ol>
 * Embeddings and task heads stay dense, as in the oBERT paper: {@link #scopeFor} narrows the
 * sweep's default scope to {@code no-embeddings-heads} and refuses a scope that names them.
 */
public final class ObertStep implements PruningStep {
  private final int blockSize;
  private final int gradients;
  private final double dampening;

  public ObertStep(int blockSize, int gradients, double dampening) {
    if (blockSize < 1 || gradients < 1 || !(dampening > 0)) {
      throw new IllegalArgumentException("oBERT needs block-size >= 1, gradients >= 1 and dampening > 0; got "
          + blockSize + ", " + gradients + ", " + dampening);
    }
    this.blockSize = blockSize;
    this.gradients = gradients;
    this.dampening = dampening;
  }

  @Override
  public String label() {
    return "obert";
  }

  @Override
  public String scopeFor(String sweepScope) {
    if (sweepScope.equals(PruningScope.ALL_MATRICES)) {
      return PruningScope.NO_EMBEDDINGS_HEADS;
    }
    var kinds = PruningScope.fromLabel(sweepScope).kinds();
    if (kinds.contains(ModuleKind.EMBEDDING) || kinds.contains(ModuleKind.HEAD)) {
      throw new IllegalArgumentException("oBERT keeps embeddings and heads dense; scope '" + sweepScope
          + "' prunes them (use " + PruningScope.NO_EMBEDDINGS_HEADS + ")");
    }
    return sweepScope;
  }

  @Override
  public MaskSet next(PruningContext context, MaskSet current) {
    List<PrunableTensor> scope = context.scope();
    List<BlockFisherInverse> inverses = new ArrayList<>();
    List<boolean[]> kept = new ArrayList<>();
    for (PrunableTensor t : scope) {
      inverses.add(new BlockFisherInverse(Math.toIntExact(t.numel()), blockSize, dampening, gradients));
      kept.add(current == null ? null : current.selection().mask(t.name()));
    }
    context.batchGradients().forEach(gradients, batch -> IntStream.range(0, scope.size()).parallel().forEach(i -> {
      float[] g = batch.get(scope.get(i).name());
      boolean[] k = kept.get(i);
      if (k != null) {
        for (int j = 0; j < g.length; j++) {
          if (!k[j]) {
            g[j] = 0f;
          }
        }
      }
      inverses.get(i).add(g);
    }));
    LinkedHashMap<String, float[]> weights = new LinkedHashMap<>();
    LinkedHashMap<String, float[]> saliency = new LinkedHashMap<>();
    for (int i = 0; i < scope.size(); i++) {
      PrunableTensor t = scope.get(i);
      float[] w = float32(t.array(), t.name());
      weights.put(t.name(), w);
      saliency.put(t.name(), ObertSaliency.of(w, inverses.get(i)));
    }
    MaskSelection selection = MaskSelector.select(saliency, context.targetSparsity(), context.granularity(),
        current == null ? null : current.selection());
    IntStream.range(0, scope.size()).parallel().forEach(i ->
        ObsUpdate.apply(inverses.get(i), weights.get(scope.get(i).name()), selection.mask(scope.get(i).name())));
    try (NoGrad ignored = NoGrad.enter()) {
      for (PrunableTensor t : scope) {
        t.array().set(FloatBuffer.wrap(weights.get(t.name())));
      }
    }
    if (current == null) {
      return MaskSet.fromSelection(scope, selection, context.manager());
    }
    current.update(selection);
    return current;
  }

  private static float[] float32(NDArray w, String name) {
    if (w.getDataType() != DataType.FLOAT32) {
      throw new IllegalStateException("oBERT updates float32 weights; " + name + " is " + w.getDataType());
    }
    return w.toFloatArray();
  }
}
