package org.smcbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.Initializer;
import org.smcbench.model.NamedParameterBlock;
import org.smcbench.model.SeededInit;

/**
 * A named-parameter block initialised as in BERT / fairseq {@code init_bert_params}: matrices
 * normal(0, 0.02) from a per-name seed, biases and LayerNorm beta 0, LayerNorm gamma 1.
 */
abstract class NamedBlock extends NamedParameterBlock {
  /** BERT / RoBERTa / fairseq: normal(0, 0.02) for matrices and embeddings. */
  static final double BERT_STD = 0.02;

  NamedBlock(long seed) {
    super(seed);
  }

  final Parameter matrix(String name, long rows, long cols) {
    return add(name, Parameter.Type.WEIGHT, new Shape(rows, cols), SeededInit.normal(seed, name, BERT_STD));
  }

  final Parameter bias(String name, long size) {
    return add(name, Parameter.Type.BIAS, new Shape(size), Initializer.ZEROS);
  }

  final Parameter layerNormWeight(String name, long size) {
    return add(name, Parameter.Type.GAMMA, new Shape(size), Initializer.ONES);
  }

  final Parameter layerNormBias(String name, long size) {
    return add(name, Parameter.Type.BETA, new Shape(size), Initializer.ZEROS);
  }

  /** LayerNorm over the last axis; the activation is the receiver, so the result stays in its manager. */
  static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias, double eps) {
    Shape last = new Shape(x.getShape().get(x.getShape().dimension() - 1));
    return LayerNorm.layerNorm(x, last, weight, bias, (float) eps).singletonOrThrow();
  }
}
