package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What the tree decoder reads of a batch of encoded problems, computed once per batch.
 *
 * @param states          encoder states [B, T, H]
 * @param attentionMemory the encoder-state half of the goal attention's first layer, [B, T, H]
 * @param sequenceBias    0 on real tokens, -1e12 on padding, [B, T]
 * @param candidates      leaf embeddings: constants then the quantities' encoder states, [B, K, H]
 * @param candidateBias   0 on real candidates, -1e12 on quantity slots the problem lacks, [B, K]
 * @param roots           root goal of each problem (the problem vector), rows [1, H]
 */
record ProblemMemory(NDArray states, NDArray attentionMemory, NDArray sequenceBias, NDArray candidates,
    NDArray candidateBias, NDList roots) {

  int problems() {
    return roots.size();
  }
}
