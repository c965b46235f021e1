package org.smcbench.model.tape;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.smcbench.model.PropertyModel;
import org.smcbench.model.bert.BertConfig;
import org.smcbench.model.bert.BertEncoder;

/**
 * Protein property prediction on TAPE's ProteinBert (the repository's {@link BertEncoder}: post-LayerNorm,
 * learned absolute positions from 0, one token type): residue states mean-pooled into a linear
 * head, as the ESM family's ({@link PropertyModel}). Ids are TAPE's ({@code TapeVocabulary}).
 */
public final class TapePropertyModel extends PropertyModel<BertEncoder> {
  /**
   * @param config  encoder shape (its dropout is also the head's)
   * @param outputs number of classes, or 1 for regression
   * @param seed    initialises the head and any encoder weight not loaded from a checkpoint
   */
  public TapePropertyModel(BertConfig config, int outputs, long seed) {
    super(new BertEncoder(config, seed), config.hidden(), outputs, config.dropout(), seed);
  }

  /** Every token is of TAPE's single token type 0. */
  @Override
  protected NDList encoderInputs(NDList inputs) {
    NDArray ids = inputs.get(0);
    return new NDList(ids, ids.zerosLike(), inputs.get(1));
  }

  @Override
  protected Shape[] encoderInputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {ids, ids, ids};
  }
}
