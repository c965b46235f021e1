package org.smcbench.data;

import org.smcbench.config.DatasetSettings;
import org.smcbench.config.RunSpec;
import org.smcbench.results.Warehouse;
import org.smcbench.task.TaskData;

/**
 * Reads the train and evaluation split of one run's (dataset, fold) from the warehouse on the
 * driver, in the compact form its task trains on. One per task; the sweep ships the result to
 * the executor.
 */
public interface SplitLoader {
  /**
   * The two splits a run uses; the train split may also size the model (a tree decoder's
   * vocabularies). {@code reference} is the metric's reference level on this eval split when the
   * task computes one from the data (math word problems: the most-frequent-template baseline),
   * stored as the run's {@code chance}; null means the dataset's configured chance level.
   */
  record RunData(TaskData train, TaskData eval, Double reference) {
    public RunData(TaskData train, TaskData eval) {
      this(train, eval, null);
    }
  }

  RunData load(Warehouse warehouse, DatasetSettings dataset, RunSpec spec);
}
