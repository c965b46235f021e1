package org.smcbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.ModelHead;

/**
 * fairseq's {@code RobertaClassificationHead} on the first token: dropout, dense H x H, tanh,
 * dropout, out_proj H x classes. Input [N, H] (the first token's hidden state), output [N, classes].
 */
final class ClassificationHead extends ModelHead {
  private final double dropout;
  private final long classes;
  private final Parameter denseWeight;
  private final Parameter denseBias;
  private final Parameter outWeight;
  private final Parameter outBias;

  ClassificationHead(int hidden, int classes, double dropout, long seed) {
    super(seed);
    this.dropout = dropout;
    this.classes = classes;
    denseWeight = matrix("head.dense.weight", hidden, hidden);
    denseBias = bias("head.dense.bias", hidden);
    outWeight = matrix("head.out_proj.weight", classes, hidden);
    outBias = bias("head.out_proj.bias", classes);
  }

  @Override
  public List<PrunableTensor> prunableScope() {
    return List.of(
        new PrunableTensor(denseWeight.getName(), ModuleKind.HEAD, -1, denseWeight),
        new PrunableTensor(outWeight.getName(), ModuleKind.HEAD, -1, outWeight));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = dropout(inputs.singletonOrThrow(), dropout, training);
    NDArray dense = linear(ps, x, denseWeight, denseBias, training).tanh();
    return new NDList(linear(ps, dropout(dense, dropout, training), outWeight, outBias, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }
}
