package org.smcbench.pretrain;

import java.io.Serializable;

/** One pre-training with its corpus, shipped to an executor and run there as a single Spark task. */
interface Pretraining extends Serializable {
  PretrainTask.Result run();

  /** The {@code compute.device} setting it trains under. */
  String device();
}
