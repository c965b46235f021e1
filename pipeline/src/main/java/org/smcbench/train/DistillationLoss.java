package org.smcbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import org.smcbench.model.GradSafe;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;

/**
 * Knowledge distillation (Hinton et al., 2015) from a teacher on the same batch:
 * (1 − h)·hard + h·T²·KL(softmax(teacher/T) ‖ softmax(student/T)), the KL averaged over the batch's
 * rows; the T² keeps the soft term's gradient scale independent of T. The teacher runs in
 * evaluation mode with grad mode off, so it adds a forward pass and no graph. Both models must put
 * out one [batch, classes] logits array (classification and multiple choice).
 */
public final class DistillationLoss implements TrainLoss {
  private final TrainableModel teacher;
  private final ParameterStore store;
  private final TrainLoss hard;
  private final double temperature;
  private final double hardness;

  public DistillationLoss(TrainableModel teacher, ParameterStore store, TrainLoss hard, double temperature,
      double hardness) {
    if (!(temperature > 0) || !(hardness >= 0 && hardness <= 1)) {
      throw new IllegalArgumentException("distillation needs temperature > 0 and hardness in [0, 1]; got "
          + temperature + ", " + hardness);
    }
    this.teacher = teacher;
    this.store = store;
    this.hard = hard;
    this.temperature = temperature;
    this.hardness = hardness;
  }

  @Override
  public NDArray loss(NDList outputs, Batch batch) {
    NDArray student = logits(outputs, "student");
    NDArray target;
    try (NoGrad ignored = NoGrad.enter()) {
      target = logits(teacher.forward(store, batch.inputs(), false), "teacher").stopGradient();
    }
    NDArray soft = GradSafe.times(softLoss(student, target, temperature), hardness * temperature * temperature);
    if (hardness == 1) {
      return soft;
    }
    return GradSafe.times(hard.loss(outputs, batch), 1 - hardness).add(soft);
  }

  /** KL(softmax(teacher/T) ‖ softmax(student/T)), summed over classes, averaged over rows. */
  public static NDArray softLoss(NDArray student, NDArray teacher, double temperature) {
    NDArray logQ = GradSafe.dividedBy(student, temperature).logSoftmax(1);
    NDArray logP = GradSafe.dividedBy(teacher, temperature).logSoftmax(1);
    return logP.exp().mul(logP.sub(logQ)).sum(new int[] {1}).mean();
  }

  private static NDArray logits(NDList outputs, String which) {
    NDArray logits = outputs.singletonOrThrow();
    if (logits.getShape().dimension() != 2) {
      throw new IllegalStateException("distillation needs [batch, classes] logits; the " + which + " put out "
          + logits.getShape());
    }
    return logits;
  }
}
