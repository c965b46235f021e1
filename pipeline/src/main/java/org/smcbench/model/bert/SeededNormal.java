package org.smcbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Normal(0, std) initialisation drawn on the JVM from a fixed seed, so the same seed gives the same
 * weights whatever the engine's global random state or the order parameters are initialised in
 * (DJL's own {@code NormalInitializer} draws from the engine's shared generator).
 */
record SeededNormal(long seed, double std) implements Initializer {

  /** BERT / RoBERTa / fairseq {@code init_bert_params}: normal(0, 0.02) for matrices and embeddings. */
  static final double BERT_STD = 0.02;

  /** A seed of its own for each parameter, derived from the model seed and the parameter's name. */
  static SeededNormal forParameter(long modelSeed, String parameterName) {
    long mixed = modelSeed * 0x9E3779B97F4A7C15L + parameterName.hashCode();
    return new SeededNormal(mixed, BERT_STD);
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * std);
    }
    NDArray array = manager.create(values, shape);
    return dataType == DataType.FLOAT32 ? array : array.toType(dataType, false);
  }
}
