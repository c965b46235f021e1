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
import org.smcbench.model.PropertyHead;
import org.smcbench.model.PrunableModel;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;

/**
 * Structure-conditioned protein property prediction: an ESM encoder whose attention is biased by
 * Cα–Cα distances ({@link StructureBias}, per layer), then the same mean pooling and linear head as
 * {@link EsmPropertyModel}. With every structure-bias weight at zero it computes exactly what
 * {@link EsmPropertyModel} does.
 *
 * <p>Input {@code NDList(ids int64 [B, T], attentionMask [B, T], poolMask float [B, T],
 * coords float [B, T, 3], coordMask float [B, T])}: coordinates in Å, the coordinate mask 1 on
 * residues with a known Cα and 0 on {@code <cls>}, {@code <eos>}, padding and unresolved residues
 * (whose coordinates are ignored). Output {@code NDList(predictions [B, outputs])}.
 */
public final class EsmStructureModel extends AbstractBlock implements PrunableModel, TrainableModel {
  private static final byte VERSION = 1;

  private final EsmEncoder encoder;
  private final PropertyHead head;

  /**
   * @param config  encoder shape (its dropout is also the head's)
   * @param outputs number of classes, or 1 for regression
   * @param seed    initialises the head, the structure bias and any encoder weight not loaded from a
   *                checkpoint; parameters shared with {@link EsmPropertyModel} get the same values
   *                from the same seed
   */
  public EsmStructureModel(EsmConfig config, int outputs, long seed) {
    super(VERSION);
    encoder = addChildBlock("encoder", new EsmEncoder(config, seed, true));
    head = addChildBlock("head", new PropertyHead(config.hidden(), outputs, config.dropout(), seed));
  }

  /** The encoder, structure bias included: its names carry no prefix. */
  public EsmEncoder encoder() {
    return encoder;
  }

  /**
   * Loads a sequence encoder's pretrained weights (names without prefix, e.g.
   * {@link HfEsmCheckpoint#encoderWeights()}). Structure-bias tensors are optional: those the
   * checkpoint lacks keep their initialisation, those it has are loaded. Every other key must
   * match; a missing or unexpected key or a shape mismatch fails before anything is copied.
   */
  public void loadEncoderWeights(Map<String, FloatTensor> weights, NDManager manager) {
    LinkedHashMap<String, Parameter> target = new LinkedHashMap<>();
    encoder.namedParameters().forEach((name, parameter) -> {
      if (!StructureBias.isStructureBias(name) || weights.containsKey(name)) {
        target.put(name, parameter);
      }
    });
    org.smcbench.model.bert.PretrainedWeights.loadExactly("ESM encoder checkpoint", target, weights, manager);
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

  /** Embedding, per layer Q K V O FFN-in FFN-out and the structure-bias matrix (OTHER), then the head. */
  @Override
  public List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>(encoder.prunableScope());
    scope.add(head.prunable());
    return scope;
  }

  @Override
  public void initializeParameters(NDManager manager) {
    Shape nominal = new Shape(1, 1);
    initialize(manager, DataType.FLOAT32, nominal, nominal, nominal, new Shape(1, 1, 3), nominal);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    if (inputs.size() != 5) {
      throw new IllegalArgumentException("EsmStructureModel takes (ids, attentionMask, poolMask, coords, coordMask),"
          + " got " + inputs.size() + " inputs");
    }
    try (NDManager scope = NDManager.subManagerOf(inputs.get(0))) {
      scope.tempAttachAll(inputs);
      NDList encoderInputs = new NDList(inputs.get(0), inputs.get(1), inputs.get(3), inputs.get(4));
      NDArray hidden = encoder.forward(ps, encoderInputs, training).singletonOrThrow();
      NDArray predictions = head.forward(ps, new NDList(hidden, inputs.get(2)), training).singletonOrThrow();
      return new NDList(scope.ret(predictions));
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    encoder.initialize(manager, dataType, ids, inputShapes[1], inputShapes[3], inputShapes[4]);
    head.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), encoder.config().hidden()), ids);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head.getOutputShapes(new Shape[] {inputShapes[0]});
  }
}
