package org.smcbench.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A built network with its weights loaded, as the training loop and the sparsity methods see it:
 * a forward pass, every parameter by a stable name, and the prunable scope in model order.
 */
public interface TrainableModel {
  NDList forward(ParameterStore store, NDList inputs, boolean training);

  /** Every parameter, by checkpoint-style name, in model order. */
  LinkedHashMap<String, Parameter> namedParameters();

  /** Every weight tensor a sparsity method may prune, in model order. */
  List<PrunableTensor> prunableScope();
}
