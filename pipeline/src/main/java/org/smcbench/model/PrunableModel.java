package org.smcbench.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;

/** A model whose weights are addressed by checkpoint names and whose prunable scope it declares. */
public interface PrunableModel extends Block {

  /** Every parameter under its checkpoint (Hugging Face style) name, in model order. */
  LinkedHashMap<String, Parameter> namedParameters();

  /** The weight matrices sparsity methods may prune, in model order; never biases or norms. */
  List<PrunableTensor> prunableScope();

  /**
   * Creates every parameter not yet holding an array in {@code manager} with its initializer.
   * Parameter shapes come from the model's configuration, not from input shapes.
   */
  void initializeParameters(NDManager manager);
}
