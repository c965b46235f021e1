package org.smcbench.data;

import java.io.Serializable;

/**
 * A raw record that did not become an example, kept with the reason: nothing is dropped silently.
 *
 * @param recordNo 1-based line number for line formats, or the record's ordinal in its file
 */
public record QuarantineRecord(
    String dataset, String split, String sourceFile, long recordNo, String raw, String reason)
    implements Serializable {}
