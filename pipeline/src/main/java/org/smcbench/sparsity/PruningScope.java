package org.smcbench.sparsity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/**
 * Which of a model's weight matrices a run may prune. One rule for every method of a sweep, so
 * that methods are compared on the same set.
 */
public enum PruningScope {
  /** The paper's main setting: every 2-D weight, embeddings and classifier head included. */
  ALL_MATRICES("all-matrices", EnumSet.allOf(ModuleKind.class)),
  /** oBERT's setting: embeddings and heads stay dense. */
  NO_EMBEDDINGS_HEADS("no-embeddings-heads", EnumSet.complementOf(EnumSet.of(ModuleKind.EMBEDDING, ModuleKind.HEAD))),
  /** The protein setting: attention Q/K/V/O and FFN matrices only. */
  ATTENTION_FFN("attention-ffn", EnumSet.of(ModuleKind.ATTN_Q, ModuleKind.ATTN_K, ModuleKind.ATTN_V,
      ModuleKind.ATTN_O, ModuleKind.FFN_IN, ModuleKind.FFN_OUT));

  private final String label;
  private final Set<ModuleKind> kinds;

  PruningScope(String label, Set<ModuleKind> kinds) {
    this.label = label;
    this.kinds = kinds;
  }

  public static PruningScope fromLabel(String label) {
    for (PruningScope s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown pruning scope '" + label + "'");
  }

  public List<PrunableTensor> select(List<PrunableTensor> modelScope) {
    return modelScope.stream().filter(t -> kinds.contains(t.kind())).toList();
  }
}
