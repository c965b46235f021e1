package org.smcbench.sparsity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/**
 * Which of a model's weight matrices a run may prune. One rule for every method compared in a
 * leaderboard cell, so that methods are compared on the same set.
 *
 * <p>A scope is written as a named set ({@code all-matrices}, {@code no-embeddings-heads},
 * {@code attention-ffn}) or as module kinds joined by {@code +} ({@code attention_q},
 * {@code ffn} for both FFN matrices, {@code attention_q+attention_k}); the second form narrows
 * pruning to one module, as the paper's Table 1 does for ESM-1b.
 */
public record PruningScope(String label, Set<ModuleKind> kinds) {
  /** The paper's main setting: every 2-D weight, embeddings and classifier head included. */
  public static final String ALL_MATRICES = "all-matrices";
  /** oBERT's setting: embeddings and heads stay dense. */
  public static final String NO_EMBEDDINGS_HEADS = "no-embeddings-heads";
  /** The protein setting: attention Q/K/V/O and FFN matrices only. */
  public static final String ATTENTION_FFN = "attention-ffn";

  private static final Map<String, Set<ModuleKind>> NAMED = Map.of(
      ALL_MATRICES, EnumSet.allOf(ModuleKind.class),
      NO_EMBEDDINGS_HEADS, EnumSet.complementOf(EnumSet.of(ModuleKind.EMBEDDING, ModuleKind.HEAD)),
      ATTENTION_FFN, EnumSet.of(ModuleKind.ATTN_Q, ModuleKind.ATTN_K, ModuleKind.ATTN_V, ModuleKind.ATTN_O,
          ModuleKind.FFN_IN, ModuleKind.FFN_OUT),
      "ffn", EnumSet.of(ModuleKind.FFN_IN, ModuleKind.FFN_OUT));

  /** The named sets a sweep prunes as its main setting; any other scope narrows it to modules. */
  public static final List<String> MAIN_SETTINGS = List.of(ALL_MATRICES, NO_EMBEDDINGS_HEADS, ATTENTION_FFN);

  public PruningScope {
    kinds = Set.copyOf(kinds);
  }

  /** True for a module-kind scope ("attention_q", "ffn"): its runs are their own curve (Table 1). */
  public static boolean isModuleScope(String label) {
    return label != null && !label.isEmpty() && !MAIN_SETTINGS.contains(label);
  }

  /** Parses a scope label; throws naming the unknown part and the accepted forms. */
  public static PruningScope fromLabel(String label) {
    Set<ModuleKind> kinds = EnumSet.noneOf(ModuleKind.class);
    String[] parts = label.split("\\+", -1);
    if (parts.length > 1 && List.of(parts).stream().anyMatch(p -> NAMED.containsKey(p) && !p.equals("ffn"))) {
      throw new IllegalArgumentException("scope '" + label + "': a named scope cannot be joined with '+'");
    }
    for (String part : parts) {
      Set<ModuleKind> named = NAMED.get(part);
      if (named != null) {
        kinds.addAll(named);
        continue;
      }
      try {
        kinds.add(ModuleKind.fromLabel(part));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown pruning scope '" + label + "': use " + NAMED.keySet()
            + " or module kinds joined by '+' (" + kindLabels() + ")");
      }
    }
    return new PruningScope(label, kinds);
  }

  public List<PrunableTensor> select(List<PrunableTensor> modelScope) {
    return modelScope.stream().filter(t -> kinds.contains(t.kind())).toList();
  }

  private static List<String> kindLabels() {
    List<String> out = new ArrayList<>();
    for (ModuleKind k : ModuleKind.values()) {
      out.add(k.label());
    }
    return out;
  }
}
