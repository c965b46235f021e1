package org.smcbench.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.TrainableModel;

/**
 * What differs between SMC-Bench's tasks, seen from the training loop: how examples become a
 * batch, the loss, and the evaluation metrics. The sweep, the sparsity methods and the results
 * tables never name a dataset; they go through this.
 */
public interface Task<D extends TaskData> {
  String name();

  /** Name of the metric a run is ranked by (first entry of {@link #evaluate}). */
  String metricName();

  /** Inputs and labels for the examples at {@code indices}, created in {@code manager}. */
  Batch batch(D data, int[] indices, ModelSettings model, NDManager manager);

  /** Scalar training loss of a forward pass. */
  NDArray loss(NDList outputs, NDArray labels);

  /**
   * The loss with the model entry's loss settings (translation: label smoothing); what the training
   * loop calls. Tasks whose loss has no settings keep this default.
   */
  default NDArray loss(NDList outputs, NDArray labels, ModelSettings model) {
    return loss(outputs, labels);
  }

  /** Metrics on {@code data}, the primary one ({@link #metricName}) first. */
  Map<String, Double> evaluate(TrainableModel model, D data, ModelSettings settings, int batchSize,
      NDManager manager);
}
