package org.smcbench.task;

import java.io.Serializable;

/** The examples of one dataset split in the compact form a task trains or evaluates on. */
public interface TaskData extends Serializable {
  int size();

  /** Delta version of the examples table these rows were read from (provenance). */
  long sourceVersion();
}
