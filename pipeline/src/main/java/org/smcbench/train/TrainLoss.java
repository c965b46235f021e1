package org.smcbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.smcbench.config.ModelSettings;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;

/** The scalar the training loop differentiates, from the model's outputs on a batch. */
@FunctionalInterface
public interface TrainLoss {
  NDArray loss(NDList outputs, Batch batch);

  /** The task's own loss with the model entry's settings: what every run but a distilled one trains on. */
  static <D extends org.smcbench.task.TaskData> TrainLoss of(Task<D> task, ModelSettings settings) {
    return (outputs, batch) -> task.loss(outputs, batch.labels(), settings);
  }
}
