package org.smcbench.sparsity;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/** Live DJL parameters (float32, requiring gradients) holding known values, for tests. */
public final class LiveTensors {
  private LiveTensors() {}

  public static Parameter parameter(NDManager manager, String name, float[] values, long... shape) {
    Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
    p.setArray(manager.create(values, new Shape(shape)));
    // initialize() keeps the array and turns on requires_grad, as a model's block would
    p.initialize(manager, DataType.FLOAT32);
    return p;
  }

  public static PrunableTensor tensor(
      NDManager manager, String name, ModuleKind kind, int layer, float[] values, long... shape) {
    return new PrunableTensor(name, kind, layer, parameter(manager, name, values, shape));
  }
}
