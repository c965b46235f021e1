package org.smcbench.model.esm;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.PropertyModel;
import org.smcbench.model.bert.PretrainedWeights;

/**
 * Structure-conditioned protein property prediction: an ESM encoder whose attention is biased by
 * Cα–Cα distances ({@link StructureBias}, per layer), then the same mean pooling and linear head as
 * {@link EsmPropertyModel} ({@link PropertyModel}). With every structure-bias weight at zero it
 * computes exactly what {@link EsmPropertyModel} does.
 *
 * <p>Input {@code NDList(ids int64 [B, T], attentionMask [B, T], poolMask float [B, T],
 * coords float [B, T, 3], coordMask float [B, T])}: coordinates in Å, the coordinate mask 1 on
 * residues with a known Cα and 0 on {@code <cls>}, {@code <eos>}, padding and unresolved residues
 * (whose coordinates are ignored). Output {@code NDList(predictions [B, outputs])}.
 */
public final class EsmStructureModel extends PropertyModel<EsmEncoder> {
  /**
   * @param config  encoder shape (its dropout is also the head's)
   * @param outputs number of classes, or 1 for regression
   * @param seed    initialises the head, the structure bias and any encoder weight not loaded from a
   *                checkpoint; parameters shared with {@link EsmPropertyModel} get the same values
   *                from the same seed
   */
  public EsmStructureModel(EsmConfig config, int outputs, long seed) {
    super(new EsmEncoder(config, seed, true), config.hidden(), outputs, config.dropout(), seed);
  }

  /**
   * Loads a sequence encoder's pretrained weights (names without prefix, e.g.
   * {@link HfEsmCheckpoint#encoderWeights()}). Structure-bias tensors are optional: those the
   * checkpoint lacks keep their initialisation, those it has are loaded. Every other key must
   * match; a missing or unexpected key or a shape mismatch fails before anything is copied.
   */
  public void loadEncoderWeights(Map<String, FloatTensor> weights, NDManager manager) {
    LinkedHashMap<String, Parameter> target = new LinkedHashMap<>();
    encoder().namedParameters().forEach((name, parameter) -> {
      if (!StructureBias.isStructureBias(name) || weights.containsKey(name)) {
        target.put(name, parameter);
      }
    });
    PretrainedWeights.loadExactly("ESM encoder checkpoint", target, weights, manager);
  }

  /** (ids, attentionMask, coords, coordMask): the pool mask (input 2) is the head's. */
  @Override
  protected NDList encoderInputs(NDList inputs) {
    return new NDList(inputs.get(0), inputs.get(1), inputs.get(3), inputs.get(4));
  }

  @Override
  protected Shape[] encoderInputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0], inputShapes[1], inputShapes[3], inputShapes[4]};
  }

  @Override
  protected List<String> inputNames() {
    return List.of("ids", "attentionMask", "poolMask", "coords", "coordMask");
  }

  /** ids, attentionMask, poolMask, coords [B, T, 3], coordMask. */
  @Override
  protected Shape[] nominalInputShapes() {
    Shape nominal = new Shape(1, 1);
    return new Shape[] {nominal, nominal, nominal, new Shape(1, 1, 3), nominal};
  }
}
