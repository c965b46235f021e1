package org.smcbench.model;

/**
 * What a prunable weight tensor is inside its model. Results, layerwise statistics and
 * scope rules (for example "attention and FFN only" in the protein setting) speak in these kinds,
 * never in a model's own parameter names.
 */
public enum ModuleKind {
  EMBEDDING("embedding"),
  ATTN_Q("attention_q"),
  ATTN_K("attention_k"),
  ATTN_V("attention_v"),
  ATTN_O("attention_o"),
  FFN_IN("ffn_in"),
  FFN_OUT("ffn_out"),
  HEAD("head"),
  /** Recurrent encoder gates (GRU input and hidden matrices). */
  GRU("gru"),
  /** Goal-driven tree decoder: goal, attention, scoring, generation and merge matrices. */
  TREE_DECODER("tree_decoder"),
  /** Graph2Tree's graph encoder: GCN and feed-forward matrices over the encoder states. */
  GRAPH("graph"),
  OTHER("other");

  private final String label;

  ModuleKind(String label) {
    this.label = label;
  }

  /** Stable lower-case name used in tables and configuration. */
  public String label() {
    return label;
  }

  public static ModuleKind fromLabel(String label) {
    for (ModuleKind kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown module kind '" + label + "'");
  }
}
