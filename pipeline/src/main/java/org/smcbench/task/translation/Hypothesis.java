package org.smcbench.task.translation;

/**
 * A finished translation: its tokens without the decoder prompt and without EOS, the sum of the
 * log-probabilities of those tokens and of EOS, and the length-penalised score it was ranked by.
 */
public record Hypothesis(int[] tokens, double logProb, double score) {}
