package org.smcbench.config;

import java.io.Serializable;
import java.util.Map;

/**
 * One dataset: which task and reader handle it, its raw files per split (relative to data.root),
 * the split runs are evaluated on, and its training hyper-parameters (global defaults merged with
 * the dataset's own overrides).
 */
public record DatasetSettings(
    String name,
    String task,
    String reader,
    Map<String, String> files,
    String evalSplit,
    double chance,
    TrainingSettings training) implements Serializable {}
