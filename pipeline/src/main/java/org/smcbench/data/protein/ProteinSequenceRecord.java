package org.smcbench.data.protein;

import java.io.Serializable;

/**
 * One protein of a FASTA file: its id (the UniProt accession, or the header's first word), the
 * whole header line without {@code >}, and its residues in upper case without whitespace.
 */
public record ProteinSequenceRecord(String id, String header, String sequence) implements Serializable {}
