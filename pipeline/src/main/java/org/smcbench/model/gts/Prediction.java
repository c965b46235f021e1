package org.smcbench.model.gts;

/**
 * A decoded equation: prefix output ids, whether the tree is complete (every goal realised within
 * the length limit), and its log-probability.
 */
public record Prediction(int[] tokens, boolean complete, double logProb) {}
