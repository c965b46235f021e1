package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/**
 * The encoder's word table {@code encoder.embedding.weight} [vocab, embedding], trained from
 * scratch as in GTS. Seam for pretrained embeddings: a family can overwrite this one parameter by
 * name (e.g. with {@code PretrainedWeights.loadInto}) after mapping a pretrained encoder's token
 * rows onto {@link org.smcbench.task.mwp.WordVocab} ids; nothing else reads the table.
 */
final class WordEmbedding extends InputEmbedding {
  static final String NAME = "encoder.embedding.weight";
  private final Parameter table;

  WordEmbedding(GtsConfig config, long seed) {
    super(seed);
    table = embeddingTable(NAME, config.vocabSize(), config.embedding());
  }

  /** ids [B, T] int64 → [B, T, embedding]. */
  @Override
  NDArray embed(ParameterStore ps, NDList inputs, boolean training) {
    NDArray ids = inputs.get(0);
    return lookup(ids, value(ps, table, ids, training));
  }

  @Override
  List<PrunableTensor> prunableScope() {
    return List.of(prunable(table, ModuleKind.EMBEDDING, -1));
  }
}
