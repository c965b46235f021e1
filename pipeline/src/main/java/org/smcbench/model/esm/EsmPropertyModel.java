package org.smcbench.model.esm;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.PropertyModel;
import org.smcbench.model.bert.PretrainedWeights;

/**
 * Protein property prediction (classification or regression) on an ESM encoder: the residues'
 * hidden states are averaged, then one linear layer gives the prediction ({@link PropertyModel}).
 */
public final class EsmPropertyModel extends PropertyModel<EsmEncoder> {
  /**
   * @param config  encoder shape (its dropout is also the head's)
   * @param outputs number of classes, or 1 for regression
   * @param seed    initialises the head (normal 0.02, zero bias) and any encoder weight not loaded
   *                from a checkpoint; the same seed gives bit-identical weights
   */
  public EsmPropertyModel(EsmConfig config, int outputs, long seed) {
    super(new EsmEncoder(config, seed), config.hidden(), outputs, config.dropout(), seed);
  }

  /**
   * Loads pretrained encoder weights (names without prefix, e.g. {@link HfEsmCheckpoint#encoderWeights()});
   * the head keeps its own initialisation. Fails on any missing or unexpected key or shape mismatch.
   */
  public void loadEncoderWeights(Map<String, FloatTensor> weights, NDManager manager) {
    PretrainedWeights.loadExactly("ESM encoder checkpoint", encoder().namedParameters(), weights, manager);
  }

  @Override
  protected NDList encoderInputs(NDList inputs) {
    return new NDList(inputs.get(0), inputs.get(1));
  }

  @Override
  protected Shape[] encoderInputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0], inputShapes[0]};
  }
}
