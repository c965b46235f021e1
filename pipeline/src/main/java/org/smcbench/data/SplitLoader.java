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
  /** The two splits a run uses; the train split may also size the model (a tree decoder's vocabularies). */
  record RunData(TaskData train, TaskData eval) {}

  RunData load(Warehouse warehouse, DatasetSettings dataset, RunSpec spec);
}
