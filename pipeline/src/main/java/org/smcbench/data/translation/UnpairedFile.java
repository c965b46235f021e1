package org.smcbench.data.translation;

import java.io.Serializable;

/**
 * A file of the layout that has no counterpart to align with (or repeats a test set already read
 * from another folder): every line is quarantined with the reason, nothing is dropped silently.
 */
public record UnpairedFile(String file, String reason) implements Serializable {}
