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
 * A model that is an encoder with one head on top (multiple choice, protein property, masked LM),
 * and the plumbing those share: parameters by name (the encoder's without prefix, then the head's),
 * the prunable scope in the same order, the input-count check and the forward pass's memory scope.
 * A subclass says how its inputs feed the encoder and the head, and how its child blocks are shaped.
 *
 * @param <E> the encoder: hidden states from the inputs {@link #encoderInputs} makes
 */
public abstract class EncoderHeadModel<E extends AbstractBlock & PrunableModel> extends AbstractBlock
    implements PrunableModel, TrainableModel {
  private static final byte VERSION = 1;

  private final E encoder;
  private final ModelHead head;

  /** @param headName the head's child-block name */
  protected EncoderHeadModel(E encoder, String headName, ModelHead head) {
    super(VERSION);
    this.encoder = addChildBlock("encoder", encoder);
    this.head = addChildBlock(headName, head);
  }

  /** The encoder alone, e.g. to load pretrained weights into: its names carry no prefix. */
  public E encoder() {
    return encoder;
  }

  protected ModelHead head() {
    return head;
  }

  /** The model's inputs by name, in order; a call with another count fails naming them. */
  protected abstract List<String> inputNames();

  /** The model's input shapes at batch 1 (and length 1), for {@link #initializeParameters}. */
  protected abstract Shape[] nominalInputShapes();

  /** The encoder's inputs from the model's, created in the first input's manager. */
  protected abstract NDList encoderInputs(NDList inputs);

  /** The head's inputs: by default the encoder's states alone. */
  protected NDList headInputs(NDArray states, NDList inputs, NDList encoderInputs) {
    return new NDList(states);
  }

  /** The model's output from the head's: by default the head's as it is. */
  protected NDArray output(NDArray headOutput, NDList inputs) {
    return headOutput;
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
    scope.addAll(head.prunableScope());
    return scope;
  }

  @Override
  public void initializeParameters(NDManager manager) {
    initialize(manager, DataType.FLOAT32, nominalInputShapes());
  }

  @Override
  protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    if (inputs.size() != inputNames().size()) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " takes (" + String.join(", ", inputNames())
          + "), got " + inputs.size() + " inputs");
    }
    // Intermediates live in a scope of the inputs' manager; only the output leaves it.
    try (NDManager scope = NDManager.subManagerOf(inputs.get(0))) {
      scope.tempAttachAll(inputs);
      NDList encoderInputs = encoderInputs(inputs);
      NDArray states = encoder.forward(ps, encoderInputs, training).singletonOrThrow();
      NDArray out = head.forward(ps, headInputs(states, inputs, encoderInputs), training).singletonOrThrow();
      return new NDList(scope.ret(output(out, inputs)));
    }
  }
}
