package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.obert.BlockFisherInverse;
import org.smcbench.sparsity.obert.ObertSaliency;
import org.smcbench.sparsity.obert.ObsUpdate;
import org.smcbench.sparsity.select.MaskSelector;

/** oBERT as a pruning step of the iterative loop, on live tensors with a scripted gradient stream. */
class ObertTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** m gradients per call, the same every call: gradient b of entry i of tensor t from a seeded draw. */
  private static final class ScriptedGradients implements BatchGradients {
    final List<PrunableTensor> scope;
    final List<Integer> asked = new ArrayList<>();

    ScriptedGradients(List<PrunableTensor> scope) {
      this.scope = scope;
    }

    float[] gradient(int batch, PrunableTensor t) {
      Random r = new Random(31L * batch + t.name().hashCode());
      float[] g = new float[(int) t.numel()];
      for (int i = 0; i < g.length; i++) {
        g[i] = (float) (0.2 * r.nextGaussian());
      }
      return g;
    }

    @Override
    public void forEach(int batches, java.util.function.Consumer<LinkedHashMap<String, float[]>> perBatch) {
      asked.add(batches);
      for (int b = 0; b < batches; b++) {
        LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
        for (PrunableTensor t : scope) {
          out.put(t.name(), gradient(b, t));
        }
        perBatch.accept(out);
      }
    }
  }

  private PruningContext context(List<PrunableTensor> scope, double sparsity, BatchGradients gradients) {
    return new PruningContext(scope, sparsity, MaskSelector.Granularity.GLOBAL, 7, 10, manager, GradientProbe.NONE)
        .withBatchGradients(gradients);
  }

  private static float[] values(int n, long seed) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  @Test
  void blockSizeOneRoundsPruneTheLowestDiagonalFisherSaliencyExactly() {
    float[] a = values(12, 1);
    float[] b = values(8, 2);
    List<PrunableTensor> scope = List.of(
        LiveTensors.tensor(manager, "a.weight", ModuleKind.ATTN_Q, 0, a.clone(), 2, 6),
        LiveTensors.tensor(manager, "b.weight", ModuleKind.FFN_IN, 0, b.clone(), 8));
    ScriptedGradients gradients = new ScriptedGradients(scope);
    IterativePruning obert = (IterativePruning) SparsityMethods.create("obert",
        Map.of("block-size", 1, "gradients", 3, "dampening", 1e-7));
    assertEquals(List.of(0.2, 0.36), obert.roundSparsities(0.36));

    // Saliency by the diagonal formula w²·(λ + mean g²)/2, every entry of the scope in one ranking.
    double[] rho = new double[20];
    for (int i = 0; i < 20; i++) {
      PrunableTensor t = scope.get(i < 12 ? 0 : 1);
      int j = i < 12 ? i : i - 12;
      double w = i < 12 ? a[j] : b[j];
      double meanSquare = 0;
      for (int batch = 0; batch < 3; batch++) {
        double g = gradients.gradient(batch, t)[j];
        meanSquare += g * g / 3;
      }
      rho[i] = w * w * (1e-7 + meanSquare) / 2;
    }
    Integer[] order = IntStream.range(0, 20).boxed().sorted(Comparator.comparingDouble(i -> rho[i]))
        .toArray(Integer[]::new);

    MaskSet masks = obert.nextMasks(context(scope, 0.2, gradients), null);
    assertEquals(4, masks.numel() - masks.kept(), "round(0.2 · 20) pruned");
    assertPrunedExactly(masks, List.of(order).subList(0, 4));
    // Round 2 (0.36 → 7 pruned): the next-lowest saliencies among the survivors (B = 1: ρ of a kept
    // weight does not depend on its pruned neighbours, and the update only zeroes).
    masks = obert.nextMasks(context(scope, 0.36, gradients), masks);
    assertEquals(7, masks.numel() - masks.kept());
    assertPrunedExactly(masks, List.of(order).subList(0, 7));
    assertEquals(List.of(3, 3), gradients.asked, "one gradient per batch, `gradients` of them, each round");

    float[] liveA = scope.get(0).array().toFloatArray();
    for (int i = 0; i < 12; i++) {
      assertEquals(masks.selection().mask("a.weight")[i] ? a[i] : 0f, liveA[i], 0f, "a[" + i + "]");
    }
  }

  @Test
  void blockStepWritesTheObsUpdateOfTheSurvivors() {
    float[] a = values(8, 4);
    List<PrunableTensor> scope = List.of(LiveTensors.tensor(manager, "a.weight", ModuleKind.FFN_OUT, 0, a.clone(), 2, 4));
    ScriptedGradients gradients = new ScriptedGradients(scope);
    IterativePruning obert = (IterativePruning) SparsityMethods.create("obert",
        Map.of("block-size", 4, "gradients", 5, "dampening", 1e-3));
    MaskSet masks = obert.nextMasks(context(scope, 0.2, gradients), null);
    assertEquals(2, masks.numel() - masks.kept(), "round(0.2 · 8) pruned");

    BlockFisherInverse inverse = new BlockFisherInverse(8, 4, 1e-3, 5);
    for (int batch = 0; batch < 5; batch++) {
      inverse.add(gradients.gradient(batch, scope.get(0)));
    }
    float[] rho = ObertSaliency.of(a, inverse);
    Integer[] order = IntStream.range(0, 8).boxed().sorted(Comparator.comparingDouble(i -> rho[i]))
        .toArray(Integer[]::new);
    assertPrunedExactly(masks, List.of(order).subList(0, 2));
    float[] expected = a.clone();
    ObsUpdate.apply(inverse, expected, masks.selection().mask("a.weight"));
    float[] live = scope.get(0).array().toFloatArray();
    assertArrayEquals(expected, live, 1e-6f);
    int moved = 0;
    for (int i = 0; i < 8; i++) {
      moved += masks.selection().mask("a.weight")[i] && live[i] != a[i] ? 1 : 0;
    }
    assertTrue(moved > 0, "survivors in a block with a pruned weight are updated");
  }

  @Test
  void embeddingsAndHeadsStayDense() {
    SparsityMethod obert = SparsityMethods.create("obert", Map.of());
    assertEquals(PruningScope.NO_EMBEDDINGS_HEADS, obert.scopeFor(PruningScope.ALL_MATRICES));
    assertEquals(PruningScope.ATTENTION_FFN, obert.scopeFor(PruningScope.ATTENTION_FFN));
    assertEquals("ffn", obert.scopeFor("ffn"));
    assertThrows(IllegalArgumentException.class, () -> obert.scopeFor("embedding"));
    assertEquals(PruningScope.ALL_MATRICES, SparsityMethods.create("lth", Map.of()).scopeFor(PruningScope.ALL_MATRICES));
  }

  @Test
  void registryNamesTheStepAndTheRewind() {
    assertEquals(Rewind.PRETRAINED, ((IterativePruning) SparsityMethods.create("lth", Map.of())).rewind());
    assertEquals(Rewind.FINETUNED, ((IterativePruning) SparsityMethods.create("lth_lrr", Map.of())).rewind());
    assertEquals(Rewind.PRETRAINED, ((IterativePruning) SparsityMethods.create("obert", Map.of())).rewind());
    assertEquals(Rewind.FINETUNED, ((IterativePruning) SparsityMethods.create("obert_lrr", Map.of())).rewind());
    assertFalse(SparsityMethods.create("obert", Map.of()).prunesOnceFromScores(), "no N:M for iterative rounds");
    assertEquals(java.util.Optional.empty(), SparsityMethods.create("obert_lrr", Map.of()).distillation());
    IterativePruning kd = (IterativePruning) SparsityMethods.create("obert_lrr_kd", Map.of("kd-temperature", 5.5));
    assertEquals(Rewind.FINETUNED, kd.rewind());
    assertEquals(new Distillation(5.5, 1.0), kd.distillation().orElseThrow());
    assertEquals(new Distillation(2.0, 1.0), SparsityMethods.create("lth_lrr_kd", Map.of()).distillation().orElseThrow());
    assertThrows(IllegalArgumentException.class,
        () -> SparsityMethods.create("obert", Map.of("block-size", 0)));
  }

  private static void assertPrunedExactly(MaskSet masks, List<Integer> flatIndices) {
    List<Integer> pruned = new ArrayList<>();
    int offset = 0;
    for (String name : masks.names()) {
      boolean[] kept = masks.selection().mask(name);
      for (int i = 0; i < kept.length; i++) {
        if (!kept[i]) {
          pruned.add(offset + i);
        }
      }
      offset += kept.length;
    }
    assertEquals(flatIndices.stream().sorted().toList(), pruned);
  }
}
