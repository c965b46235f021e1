package org.smcbench.model.bert;

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
import org.smcbench.model.PrunableModel;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;

/**
 * Multiple-choice scoring as in fairseq's RoBERTa (CommonsenseQA, RACE, WinoGrande): every
 * (context, choice) sequence is encoded, its first token goes through a one-logit classification
 * head, and the logits of a question's choices are compared (softmax over choices in the loss).
 *
 * <p>Input {@code NDList(ids, types, mask)}, each [B, C, T]; output {@code NDList(logits [B, C])}.
 */
public final class MultipleChoiceModel extends AbstractBlock implements PrunableModel, TrainableModel {
  private static final byte VERSION = 1;

  private final BertEncoder encoder;
  private final ClassificationHead head;
  private final Pooling pooling;

  /**
   * @param config encoder shape (its dropout is also the head's)
   * @param seed   initialises the head (normal 0.02, zero bias) and any encoder weight not loaded
   *               from a checkpoint; the same seed gives bit-identical weights
   */
  public MultipleChoiceModel(BertConfig config, long seed) {
    this(config, Pooling.FIRST_TOKEN, seed);
  }

  /** @param pooling how a sequence's hidden states become the head's input */
  public MultipleChoiceModel(BertConfig config, Pooling pooling, long seed) {
    super(VERSION);
    this.pooling = pooling;
    encoder = addChildBlock("encoder", new BertEncoder(config, seed));
    head = addChildBlock("head", new ClassificationHead(config.hidden(), 1, config.dropout(), seed));
  }

  /** The encoder alone, e.g. to load pretrained weights into: its names carry no prefix. */
  public BertEncoder encoder() {
    return encoder;
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
    Shape nominal = new Shape(1, 1, 1);
    initialize(manager, DataType.FLOAT32, nominal, nominal, nominal);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    Shape shape = inputs.get(0).getShape();
    long questions = shape.get(0);
    long choices = shape.get(1);
    long length = shape.get(2);
    try (NDManager scope = NDManager.subManagerOf(inputs.get(0))) {
      scope.tempAttachAll(inputs);
      NDList flat = new NDList(3);
      for (NDArray input : inputs) {
        flat.add(input.reshape(questions * choices, length));
      }
      NDArray hidden = encoder.forward(ps, flat, training).singletonOrThrow();
      NDArray pooled = pooling.pool(hidden, flat.get(2));
      NDArray logits = head.forward(ps, new NDList(pooled), training).singletonOrThrow();
      return new NDList(scope.ret(logits.reshape(questions, choices)));
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape shape = inputShapes[0];
    Shape flat = new Shape(shape.get(0) * shape.get(1), shape.get(2));
    encoder.initialize(manager, dataType, flat, flat, flat);
    head.initialize(manager, dataType, new Shape(flat.get(0), encoder.config().hidden()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape shape = inputShapes[0];
    return new Shape[] {new Shape(shape.get(0), shape.get(1))};
  }
}
