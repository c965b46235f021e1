package org.smcbench.model.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TransformerBlock;

/**
 * fairseq's {@code RobertaClassificationHead} on the first token: dropout, dense H x H, tanh,
 * dropout, out_proj H x classes. Input [N, H] (the first token's hidden state), output [N, classes].
 */
final class ClassificationHead extends TransformerBlock {
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

  List<PrunableTensor> prunableScope() {
    return List.of(
        new PrunableTensor(denseWeight.getName(), ModuleKind.HEAD, -1, denseWeight),
        new PrunableTensor(outWeight.getName(), ModuleKind.HEAD, -1, outWeight));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = dropout(inputs.singletonOrThrow(), dropout, training);
    Device device = x.getDevice();
    NDArray dense = Linear.linear(x, ps.getValue(denseWeight, device, training),
        ps.getValue(denseBias, device, training)).singletonOrThrow().tanh();
    return Linear.linear(dropout(dense, dropout, training), ps.getValue(outWeight, device, training),
        ps.getValue(outBias, device, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }
}
