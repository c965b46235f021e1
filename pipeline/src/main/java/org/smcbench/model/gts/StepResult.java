package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * One prediction step over a set of decoder states; row i of every array belongs to
 * {@code order.get(i)} (states are regrouped by whether they have a left sibling).
 *
 * @param goals      the current node's goal q [A, H]
 * @param context    attention context c [A, H]
 * @param logProbs   log-softmax over the output vocabulary [A, V]
 * @param candidates the leaf embeddings of each row's problem [A, K, H]
 */
record StepResult(List<DecoderState> order, NDArray goals, NDArray context, NDArray logProbs, NDArray candidates) {}
