package org.smcbench.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Model inputs and the matching labels of one batch, all in the batch's own NDManager. */
public record Batch(NDList inputs, NDArray labels) {}
