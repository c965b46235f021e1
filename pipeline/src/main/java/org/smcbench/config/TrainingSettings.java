package org.smcbench.config;

import java.io.Serializable;
import java.util.Map;

/** Fine-tuning hyper-parameters of one run (fairseq names in comments where they differ). */
public record TrainingSettings(
    double learningRate,
    int batchSize,
    int steps, // fairseq max-update
    int warmupSteps,
    double weightDecay,
    double adamBeta1,
    double adamBeta2,
    double adamEps,
    int maxTrainExamples,
    int maxEvalExamples,
    int evalBatchSize,
    Map<String, Double> learningRates,
    String schedule) implements Serializable {

  /** fairseq's polynomial decay with power 1: linear warm-up, then linear decay to 0. */
  public static final String LINEAR = "linear";
  /** PyTorch's OneCycleLR (cosine rise over the warm-up steps, cosine annealing after). */
  public static final String ONE_CYCLE = "one-cycle";
  /** fairseq's inverse_sqrt (linear warm-up, then peak · sqrt(warmup / step)); mBART-50's fine-tuning. */
  public static final String INVERSE_SQRT = "inverse-sqrt";

  /** With the default linear schedule. */
  public TrainingSettings(double learningRate, int batchSize, int steps, int warmupSteps, double weightDecay,
      double adamBeta1, double adamBeta2, double adamEps, int maxTrainExamples, int maxEvalExamples,
      int evalBatchSize, Map<String, Double> learningRates) {
    this(learningRate, batchSize, steps, warmupSteps, weightDecay, adamBeta1, adamBeta2, adamEps, maxTrainExamples,
        maxEvalExamples, evalBatchSize, learningRates, LINEAR);
  }

  /** Without parameter groups: every parameter at {@code learningRate}. */
  public TrainingSettings(double learningRate, int batchSize, int steps, int warmupSteps, double weightDecay,
      double adamBeta1, double adamBeta2, double adamEps, int maxTrainExamples, int maxEvalExamples,
      int evalBatchSize) {
    this(learningRate, batchSize, steps, warmupSteps, weightDecay, adamBeta1, adamBeta2, adamEps, maxTrainExamples,
        maxEvalExamples, evalBatchSize, Map.of());
  }

  /** The learning-rate schedule these settings ask for. */
  public org.smcbench.train.LrSchedule lrSchedule() {
    return switch (schedule) {
      case ONE_CYCLE -> new org.smcbench.train.OneCycle(learningRate, warmupSteps, steps);
      case INVERSE_SQRT -> new org.smcbench.train.InverseSqrt(learningRate, warmupSteps);
      default -> new org.smcbench.train.LinearWarmupDecay(learningRate, warmupSteps, steps);
    };
  }

  /**
   * Peak learning rate of the parameter {@code name}: that of the longest {@link #learningRates}
   * prefix it starts with (e.g. {@code embedding} for a pretrained encoder inside a tree decoder),
   * else {@link #learningRate}. The schedule scales every group alike.
   */
  public double learningRateOf(String name) {
    String best = null;
    for (String prefix : learningRates.keySet()) {
      if (name.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? learningRate : learningRates.get(best);
  }

  public TrainingSettings {
    require(learningRate > 0, "learning-rate must be > 0");
    require(batchSize > 0, "batch-size must be > 0");
    require(steps > 0, "steps must be > 0");
    require(warmupSteps >= 0 && warmupSteps <= steps, "warmup-steps must be in [0, steps]");
    require(weightDecay >= 0, "weight-decay must be >= 0");
    require(adamBeta1 >= 0 && adamBeta1 < 1, "adam-beta1 must be in [0, 1)");
    require(adamBeta2 >= 0 && adamBeta2 < 1, "adam-beta2 must be in [0, 1)");
    require(adamEps > 0, "adam-eps must be > 0");
    require(maxTrainExamples >= 0 && maxEvalExamples >= 0, "max-*-examples must be >= 0");
    require(evalBatchSize > 0, "eval-batch-size must be > 0");
    require(LINEAR.equals(schedule) || ONE_CYCLE.equals(schedule) || INVERSE_SQRT.equals(schedule),
        "schedule must be linear, one-cycle or inverse-sqrt, got '" + schedule + "'");
    require(!ONE_CYCLE.equals(schedule) || (warmupSteps >= 1 && warmupSteps < steps),
        "a one-cycle schedule needs 1 <= warmup-steps < steps");
    require(!INVERSE_SQRT.equals(schedule) || warmupSteps >= 1, "an inverse-sqrt schedule needs warmup-steps >= 1");
    learningRates = new java.util.TreeMap<>(learningRates);
    for (Map.Entry<String, Double> e : learningRates.entrySet()) {
      require(e.getValue() > 0, "learning-rates." + e.getKey() + " must be > 0");
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new ConfigError("smc.training: " + message);
    }
  }
}
