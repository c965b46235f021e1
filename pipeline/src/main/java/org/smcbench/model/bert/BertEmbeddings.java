package org.smcbench.model.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TransformerBlock;

/** word + position + token-type embeddings, then LayerNorm and dropout. Input (ids, types) [B, T]. */
final class BertEmbeddings extends TransformerBlock {
  static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
  private final BertConfig config;
  private final Parameter words;
  private final Parameter positions;
  private final Parameter tokenTypes;
  private final Parameter normWeight;
  private final Parameter normBias;

  BertEmbeddings(BertConfig config, long seed) {
    super(seed);
    this.config = config;
    words = matrix(WORD_EMBEDDINGS, config.vocabSize(), config.hidden());
    positions = matrix("embeddings.position_embeddings.weight", config.maxPositions(), config.hidden());
    tokenTypes = matrix("embeddings.token_type_embeddings.weight", config.typeVocabSize(), config.hidden());
    normWeight = layerNormWeight("embeddings.LayerNorm.weight", config.hidden());
    normBias = layerNormBias("embeddings.LayerNorm.bias", config.hidden());
  }

  List<PrunableTensor> prunableScope() {
    return List.of(
        new PrunableTensor(words.getName(), ModuleKind.EMBEDDING, -1, words),
        new PrunableTensor(positions.getName(), ModuleKind.EMBEDDING, -1, positions),
        new PrunableTensor(tokenTypes.getName(), ModuleKind.EMBEDDING, -1, tokenTypes));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    NDArray types = inputs.get(1);
    Device device = ids.getDevice();
    int length = Math.toIntExact(ids.getShape().get(1));
    if (length > config.maxSequenceLength()) {
      throw new IllegalArgumentException("sequence length " + length + " exceeds the position table ("
          + config.maxSequenceLength() + " tokens)");
    }
    // Right-padded batches: token t sits at position offset + t (RoBERTa's pad positions differ,
    // but padded tokens are masked out of attention and never read).
    NDManager manager = ids.getManager();
    NDArray positionIds = manager.arange(config.positionOffset(), config.positionOffset() + length, 1, DataType.INT64);
    // RoBERTa has one token type: every segment uses row 0.
    NDArray typeIds = config.typeVocabSize() == 1 ? types.zerosLike() : types;
    NDArray sum = lookup(ids, ps.getValue(words, device, training))
        .add(lookup(typeIds, ps.getValue(tokenTypes, device, training)))
        .add(lookup(positionIds, ps.getValue(positions, device, training)));
    NDArray normed = layerNorm(sum, ps.getValue(normWeight, device, training),
        ps.getValue(normBias, device, training), config.layerNormEps());
    return new NDList(dropout(normed, config.dropout(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), config.hidden())};
  }
}
