package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import java.util.List;

/**
 * Protein property prediction (classification or regression) on a sequence encoder: the residues'
 * hidden states are averaged, then one linear layer ({@link PropertyHead}) gives the prediction.
 * A subclass says how its encoder reads the ids and the attention mask.
 *
 * <p>Input {@code NDList(ids int64 [B, T], attentionMask [B, T], poolMask float [B, T])}, the pool
 * mask 1 on residues only (not the start / stop tokens or padding); output
 * {@code NDList(predictions [B, outputs])}. Parameters are the encoder's (names without prefix)
 * followed by the head's.
 *
 * @param <E> the encoder: hidden states [B, T, H] from the inputs {@link #encoderInputs} makes
 */
public abstract class PropertyModel<E extends AbstractBlock & PrunableModel> extends EncoderHeadModel<E> {
  private final int hidden;

  /**
   * @param hidden  the encoder's width H
   * @param outputs number of classes, or 1 for regression
   * @param seed    initialises the head (normal 0.02, zero bias)
   */
  protected PropertyModel(E encoder, int hidden, int outputs, double dropout, long seed) {
    super(encoder, "head", new PropertyHead(hidden, outputs, dropout, seed));
    this.hidden = hidden;
  }

  /** The shapes of {@link #encoderInputs} for the model's input shapes. */
  protected abstract Shape[] encoderInputShapes(Shape[] inputShapes);

  /** The three every property model takes, then a subclass's. */
  @Override
  protected List<String> inputNames() {
    return List.of("ids", "attentionMask", "poolMask");
  }

  @Override
  protected Shape[] nominalInputShapes() {
    Shape nominal = new Shape(1, 1);
    return new Shape[] {nominal, nominal, nominal};
  }

  /** The residue states and the pool mask (input 2). */
  @Override
  protected NDList headInputs(NDArray states, NDList inputs, NDList encoderInputs) {
    return new NDList(states, inputs.get(2));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    encoder().initialize(manager, dataType, encoderInputShapes(inputShapes));
    head().initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), hidden), ids);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head().getOutputShapes(new Shape[] {inputShapes[0]});
  }
}
