package org.smcbench.data.translation;

import java.io.Serializable;

/**
 * Two line-aligned files of one corpus, a language's and the pivot's: line n of one translates
 * line n of the other.
 *
 * @param corpus the test-set name ("newstest2014"), FLORES split ("devtest") or OPUS-100 file stem ("opus.en-fr-train")
 */
public record PairFiles(String corpus, Language language, String file, Language pivot, String pivotFile)
    implements Serializable {}
