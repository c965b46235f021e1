package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

/**
 * One weight tensor of a model's prunable scope, in model order.
 *
 * @param name  stable, checkpoint-style name (e.g. {@code encoder.layer.0.attention.self.query.weight})
 * @param kind  what the tensor is, for layerwise statistics and scope rules
 * @param layer transformer layer index, or -1 for tensors outside the layer stack
 * @param parameter the live DJL parameter holding the weights
 */
public record PrunableTensor(String name, ModuleKind kind, int layer, Parameter parameter) {

  public NDArray array() {
    return parameter.getArray();
  }

  public long numel() {
    return parameter.getArray().size();
  }
}
