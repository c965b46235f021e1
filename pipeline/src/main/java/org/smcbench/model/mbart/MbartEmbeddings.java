package org.smcbench.model.mbart;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.smcbench.model.GradSafe;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TransformerBlock;

/**
 * The input side of one stack (encoder or decoder) as Hugging Face's mBART: scaled token embeddings
 * from the shared table, plus learned positions (row = position + 2, fairseq's offset), then
 * {@code layernorm_embedding} and dropout. Positions count from the start of the sequence, never
 * from padding (mBART pads on the right).
 */
final class MbartEmbeddings extends TransformerBlock {
  private final MbartConfig config;
  private final Parameter positions;
  private final MbartLayerNorm norm;

  /** @param side {@code encoder} or {@code decoder} */
  MbartEmbeddings(MbartConfig config, String side, long seed) {
    super(seed);
    this.config = config;
    positions = matrix("model." + side + ".embed_positions.weight",
        config.maxPositions() + MbartConfig.POSITION_OFFSET, config.dModel());
    norm = addChildBlock("layernorm_embedding",
        new MbartLayerNorm("model." + side + ".layernorm_embedding", config.dModel(), seed));
  }

  @Override
  public void putNamedParameters(java.util.Map<String, Parameter> out) {
    super.putNamedParameters(out);
    norm.putNamedParameters(out);
  }

  PrunableTensor prunable() {
    return new PrunableTensor(positions.getName(), ModuleKind.EMBEDDING, -1, positions);
  }

  /** Embeds ids [B, T] whose first position is {@code start} (0, or the decoded length in a decoding step). */
  NDArray apply(ParameterStore ps, NDArray ids, NDArray tokenTable, int start, boolean training) {
    long length = ids.getShape().get(1);
    if (start + length > config.maxPositions()) {
      throw new IllegalArgumentException("sequence length " + (start + length) + " exceeds max_position_embeddings "
          + config.maxPositions());
    }
    var device = ids.getDevice();
    NDArray tokens = lookup(ids, tokenTable);
    if (config.scaleEmbedding()) {
      tokens = GradSafe.times(tokens, config.embedScale());
    }
    NDArray rows = ids.getManager().arange(start + MbartConfig.POSITION_OFFSET,
        start + MbartConfig.POSITION_OFFSET + (int) length, 1, ai.djl.ndarray.types.DataType.INT64, device);
    NDArray x = tokens.add(lookup(rows, value(ps, positions, device, training)));
    return dropout(norm.apply(ps, x, training), config.dropout(), training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.get(1), 0, training));
  }

  @Override
  protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, ai.djl.ndarray.types.DataType dataType,
      Shape... inputShapes) {
    norm.initialize(manager, dataType, new Shape(1, config.dModel()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), config.dModel())};
  }
}
