package org.smcbench.sparsity;

/** Which weights a method's (re-)training starts from. */
public enum StartPoint {
  /** The pre-trained checkpoint (dense fine-tuning, Before and During methods). */
  PRETRAINED,
  /** The dense fine-tuned model of the same (dataset, model, seed): every After method. */
  DENSE_FINETUNED
}
