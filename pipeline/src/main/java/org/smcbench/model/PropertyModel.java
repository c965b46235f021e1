package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
public abstract class PropertyModel<E extends AbstractBlock & PrunableModel> extends AbstractBlock
    implements PrunableModel, TrainableModel {
  private static final byte VERSION = 1;

  private final E encoder;
  private final int hidden;
  private final PropertyHead head;

  /**
   * @param hidden  the encoder's width H
   * @param outputs number of classes, or 1 for regression
   * @param seed    initialises the head (normal 0.02, zero bias)
   */
  protected PropertyModel(E encoder, int hidden, int outputs, double dropout, long seed) {
    super(VERSION);
    this.encoder = addChildBlock("encoder", encoder);
    this.hidden = hidden;
    head = addChildBlock("head", new PropertyHead(hidden, outputs, dropout, seed));
  }

  /** The encoder alone: its names carry no prefix. */
  public E encoder() {
    return encoder;
  }

  /**
   * The encoder's inputs from the model's ({@code ids, attentionMask, poolMask} and any a subclass
   * adds after them), created in the ids' manager.
   */
  protected abstract NDList encoderInputs(NDList inputs);

  /** The shapes of {@link #encoderInputs} for the model's input shapes. */
  protected abstract Shape[] encoderInputShapes(Shape[] inputShapes);

  /** The model's inputs by name, in order: the three every property model takes, then a subclass's. */
  protected List<String> inputNames() {
    return List.of("ids", "attentionMask", "poolMask");
  }

  /** The model's input shapes at batch 1 and length 1, for {@link #initializeParameters}. */
  protected Shape[] nominalInputShapes() {
    Shape nominal = new Shape(1, 1);
    return new Shape[] {nominal, nominal, nominal};
  }

  /** Block's default and TrainableModel's method coincide; stated once so both are satisfied. */
  @Override
  public NDList forward(ParameterStore parameterStore, NDList inputs, boolean training) {
    return forward(parameterStore, inputs, training, null);
  }

  @Override
  public LinkedHashMap<String, Parameter> namedParameters() {
    LinkedHashMap<String, Parameter> named = encoder.namedParameters();
    head.putNamedParameters(named);
    return named;
  }

  @Override
  public List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>(encoder.prunableScope());
    scope.add(head.prunable());
    return scope;
  }

  @Override
  public void initializeParameters(NDManager manager) {
    initialize(manager, DataType.FLOAT32, nominalInputShapes());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    if (inputs.size() != inputNames().size()) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " takes (" + String.join(", ", inputNames())
          + "), got " + inputs.size() + " inputs");
    }
    try (NDManager scope = NDManager.subManagerOf(inputs.get(0))) {
      scope.tempAttachAll(inputs);
      NDArray states = encoder.forward(ps, encoderInputs(inputs), training).singletonOrThrow();
      NDArray predictions = head.forward(ps, new NDList(states, inputs.get(2)), training).singletonOrThrow();
      return new NDList(scope.ret(predictions));
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    encoder.initialize(manager, dataType, encoderInputShapes(inputShapes));
    head.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), hidden), ids);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head.getOutputShapes(new Shape[] {inputShapes[0]});
  }
}
