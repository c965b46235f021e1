package org.smcbench.model.esm;

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
import java.util.Map;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.PrunableModel;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;

/**
 * Protein property prediction (classification or regression) on an ESM encoder: the residues'
 * hidden states are averaged, then one linear layer gives the prediction.
 *
 * <p>Input {@code NDList(ids int64 [B, T], attentionMask [B, T], poolMask float [B, T])}, the pool
 * mask 1 on residues only (not {@code <cls>}, {@code <eos>} or padding); output
 * {@code NDList(predictions [B, outputs])}.
 */
public final class EsmPropertyModel extends AbstractBlock implements PrunableModel, TrainableModel {
  private static final byte VERSION = 1;

  private final EsmEncoder encoder;
  private final PropertyHead head;

  /**
   * @param config  encoder shape (its dropout is also the head's)
   * @param outputs number of classes, or 1 for regression
   * @param seed    initialises the head (normal 0.02, zero bias) and any encoder weight not loaded
   *                from a checkpoint; the same seed gives bit-identical weights
   */
  public EsmPropertyModel(EsmConfig config, int outputs, long seed) {
    super(VERSION);
    encoder = addChildBlock("encoder", new EsmEncoder(config, seed));
    head = addChildBlock("head", new PropertyHead(config.hidden(), outputs, config.dropout(), seed));
  }

  /** The encoder alone: its names carry no prefix. */
  public EsmEncoder encoder() {
    return encoder;
  }

  /**
   * Loads pretrained encoder weights (names without prefix, e.g. {@link HfEsmCheckpoint#encoderWeights()});
   * the head keeps its own initialisation. Fails on any missing or unexpected key or shape mismatch.
   */
  public void loadEncoderWeights(Map<String, FloatTensor> weights, NDManager manager) {
    org.smcbench.model.bert.PretrainedWeights.loadExactly("ESM encoder checkpoint", encoder.namedParameters(), weights, manager);
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
    Shape nominal = new Shape(1, 1);
    initialize(manager, DataType.FLOAT32, nominal, nominal, nominal);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    try (NDManager scope = NDManager.subManagerOf(inputs.get(0))) {
      scope.tempAttachAll(inputs);
      NDArray hidden = encoder.forward(ps, new NDList(inputs.get(0), inputs.get(1)), training).singletonOrThrow();
      NDArray predictions = head.forward(ps, new NDList(hidden, inputs.get(2)), training).singletonOrThrow();
      return new NDList(scope.ret(predictions));
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    encoder.initialize(manager, dataType, ids, inputShapes[1]);
    head.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), encoder.config().hidden()), ids);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head.getOutputShapes(new Shape[] {inputShapes[0]});
  }
}
