package org.smcbench.config;

import java.io.Serializable;

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
    int evalBatchSize) implements Serializable {

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
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new ConfigError("smc.training: " + message);
    }
  }
}
