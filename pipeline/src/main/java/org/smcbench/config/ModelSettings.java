package org.smcbench.config;

import java.io.Serializable;

/**
 * One model of the sweep: its family (which builds the network), where its pretrained weights come
 * from, and its size knobs.
 *
 * @param layers encoder layers to keep from the checkpoint; 0 keeps them all
 * @param pooling how a sequence becomes the head's input: first-token (fairseq RoBERTa) or mean
 */
public record ModelSettings(
    String name,
    String family,
    String checkpointFormat,
    String checkpointPath,
    int layers,
    int maxSeqLen,
    double dropout,
    String pooling) implements Serializable {}
