package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Normal(0, std) or uniform(±bound) initialisation drawn on the JVM from a seed of its own per
 * parameter (mixed from the model seed and the parameter's name), so the same model seed gives
 * the same weights whatever the engine's random state or the order parameters are initialised in
 * (DJL's own initialisers draw from the engine's shared generator). BERT uses normal(0, 0.02);
 * PyTorch's {@code nn.Linear}/{@code nn.GRU} defaults are uniform, {@code nn.Embedding} normal(0, 1).
 */
public record SeededInit(long seed, boolean uniform, double scale) implements Initializer {

  public static SeededInit uniform(long modelSeed, String name, double bound) {
    return new SeededInit(mix(modelSeed, name), true, bound);
  }

  public static SeededInit normal(long modelSeed, String name, double std) {
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
