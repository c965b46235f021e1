package org.smcbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.smcbench.model.EncoderHeadModel;

/**
 * Multiple-choice scoring as in fairseq's RoBERTa (CommonsenseQA, RACE, WinoGrande): every
 * (context, choice) sequence is encoded, its first token goes through a one-logit classification
 * head, and the logits of a question's choices are compared (softmax over choices in the loss).
 *
 * <p>Input {@code NDList(ids, types, mask)}, each [B, C, T]; output {@code NDList(logits [B, C])}.
 */
public final class MultipleChoiceModel extends EncoderHeadModel<BertEncoder> {
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
    super(new BertEncoder(config, seed), "head", new ClassificationHead(config.hidden(), 1, config.dropout(), seed));
    this.pooling = pooling;
  }

  @Override
  protected List<String> inputNames() {
    return List.of("ids", "types", "mask");
  }

  @Override
  protected Shape[] nominalInputShapes() {
    Shape nominal = new Shape(1, 1, 1);
    return new Shape[] {nominal, nominal, nominal};
  }

  /** Every (question, choice) pair is one sequence: [B, C, T] becomes [B·C, T]. */
  @Override
  protected NDList encoderInputs(NDList inputs) {
    Shape shape = inputs.get(0).getShape();
    NDList flat = new NDList(3);
    for (NDArray input : inputs) {
      flat.add(input.reshape(shape.get(0) * shape.get(1), shape.get(2)));
    }
    return flat;
  }

  @Override
  protected NDList headInputs(NDArray states, NDList inputs, NDList encoderInputs) {
    return new NDList(pooling.pool(states, encoderInputs.get(2)));
  }

  /** One logit per sequence back to [B, C]. */
  @Override
  protected NDArray output(NDArray headOutput, NDList inputs) {
    Shape shape = inputs.get(0).getShape();
    return headOutput.reshape(shape.get(0), shape.get(1));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape shape = inputShapes[0];
    Shape flat = new Shape(shape.get(0) * shape.get(1), shape.get(2));
    encoder().initialize(manager, dataType, flat, flat, flat);
    head().initialize(manager, dataType, new Shape(flat.get(0), encoder().config().hidden()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape shape = inputShapes[0];
    return new Shape[] {new Shape(shape.get(0), shape.get(1))};
  }
}
