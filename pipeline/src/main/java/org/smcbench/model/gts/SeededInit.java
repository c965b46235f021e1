package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * PyTorch's default initialisations, drawn on the JVM from a per-parameter seed so the same model
 * seed gives the same weights whatever the engine's random state: {@code nn.Linear} and
 * {@code nn.GRU} are uniform(±bound), {@code nn.Embedding} and GTS's constant table normal(0, 1).
 */
record SeededInit(long seed, boolean uniform, double scale) implements Initializer {

  static SeededInit uniform(long modelSeed, String name, double bound) {
    return new SeededInit(mix(modelSeed, name), true, bound);
  }

  static SeededInit normal(long modelSeed, String name, double std) {
    return new SeededInit(mix(modelSeed, name), false, std);
  }

  private static long mix(long modelSeed, String name) {
    return modelSeed * 0x9E3779B97F4A7C15L + name.hashCode();
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (uniform ? (2 * random.nextDouble() - 1) * scale : random.nextGaussian() * scale);
    }
    NDArray array = manager.create(values, shape);
    return dataType == DataType.FLOAT32 ? array : array.toType(dataType, false);
  }
}
