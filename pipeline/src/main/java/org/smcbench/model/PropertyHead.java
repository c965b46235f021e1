package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * The protein encoders' head ({@link PropertyModel}, ESM's structure model): mean of the residue
 * states, dropout, one linear layer ({@code classifier.weight} [outputs, H], {@code classifier.bias}).
 * Input (hidden [B, T, H], poolMask float [B, T], 1 on residues); output [B, outputs]: class
 * logits, or one value for regression.
 */
public final class PropertyHead extends ModelHead {
  private final double dropout;
  private final int outputs;
  private final Parameter weight;
  private final Parameter bias;

  public PropertyHead(int hidden, int outputs, double dropout, long seed) {
    super(seed);
    if (outputs <= 0) {
      throw new IllegalArgumentException("outputs must be > 0, got " + outputs);
    }
    this.dropout = dropout;
    this.outputs = outputs;
    weight = matrix("classifier.weight", outputs, hidden);
    bias = bias("classifier.bias", outputs);
  }

  @Override
  public List<PrunableTensor> prunableScope() {
    return List.of(new PrunableTensor(weight.getName(), ModuleKind.HEAD, -1, weight));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray pooled = meanOver(inputs.get(0), inputs.get(1));
    return new NDList(linear(ps, dropout(pooled, dropout, training), weight, bias, training));
  }

  /** Average of {@code hidden}'s rows where {@code mask} is 1; a row without any gives zeros. */
  static NDArray meanOver(NDArray hidden, NDArray mask) {
    NDArray m = mask.toType(hidden.getDataType(), false);
    NDArray counts = m.sum(new int[] {1}, true).maximum(1f);
    return hidden.mul(m.expandDims(-1)).sum(new int[] {1}).div(counts);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
  }
}
