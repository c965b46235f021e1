package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smcbench.data.protein.EsmAlphabet;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.esm.EsmConfig;
import org.smcbench.model.esm.EsmPropertyModel;

/** Named scopes and module-kind scopes on a real model's prunable tensors (a 2-layer ESM encoder). */
class PruningScopeTest {
  private static List<PrunableTensor> esmScope(NDManager manager) {
    EsmConfig config = new EsmConfig(EsmAlphabet.SIZE, 16, 2, 2, 32, 64, EsmConfig.ROTARY, 1e-5, false, true,
        EsmAlphabet.PAD, EsmAlphabet.MASK, 0);
    EsmPropertyModel model = new EsmPropertyModel(config, 2, 1);
    model.initializeParameters(manager);
    return model.prunableScope();
  }

  private static Set<String> names(List<PrunableTensor> tensors) {
    return tensors.stream().map(PrunableTensor::name).collect(Collectors.toSet());
  }

  @Test
  void moduleScopesSelectOneKindPerLayer() {
    try (NDManager manager = NDManager.newBaseManager()) {
      List<PrunableTensor> all = esmScope(manager);
      assertEquals(Set.of("encoder.layer.0.attention.self.query.weight", "encoder.layer.1.attention.self.query.weight"),
          names(PruningScope.fromLabel("attention_q").select(all)));
      assertEquals(Set.of("encoder.layer.0.intermediate.dense.weight", "encoder.layer.0.output.dense.weight",
          "encoder.layer.1.intermediate.dense.weight", "encoder.layer.1.output.dense.weight"),
          names(PruningScope.fromLabel("ffn").select(all)));
      assertEquals(4, PruningScope.fromLabel("attention_q+attention_k").select(all).size());
      List<PrunableTensor> paper = PruningScope.fromLabel(PruningScope.ATTENTION_FFN).select(all);
      assertEquals(12, paper.size());
      assertTrue(paper.stream().noneMatch(t -> t.kind() == ModuleKind.EMBEDDING || t.kind() == ModuleKind.HEAD));
      // all-matrices adds the word embeddings and the classifier.
      assertEquals(14, PruningScope.fromLabel(PruningScope.ALL_MATRICES).select(all).size());
    }
  }

  @Test
  void unknownOrMixedLabelsAreRejectedWithTheAcceptedForms() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> PruningScope.fromLabel("attention_x"));
    assertTrue(unknown.getMessage().contains("attention_q"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PruningScope.fromLabel("attention-ffn+embedding"));
  }

  @Test
  void moduleScopesAreTheirOwnCurveAndNamedSetsAreNot() {
    assertTrue(PruningScope.isModuleScope("attention_q"));
    assertTrue(PruningScope.isModuleScope("ffn"));
    assertEquals(false, PruningScope.isModuleScope(PruningScope.ATTENTION_FFN));
    assertEquals(false, PruningScope.isModuleScope(""));
  }
}
