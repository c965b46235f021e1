package org.smcbench.data.protein;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.biojava.nbio.core.exceptions.CompoundNotFoundException;
import org.biojava.nbio.core.sequence.DataSource;
import org.biojava.nbio.core.sequence.compound.AminoAcidCompound;
import org.biojava.nbio.core.sequence.compound.AminoAcidCompoundSet;
import org.biojava.nbio.core.sequence.io.GenericFastaHeaderParser;
import org.biojava.nbio.core.sequence.io.ProteinSequenceCreator;
import org.biojava.nbio.core.sequence.template.AbstractSequence;
import org.smcbench.data.ParseOutcome;

/**
 * Protein FASTA records (UniProt style, {@code >tr|A0A075WPW5|A0A075WPW5_9BACT Phosphomannomutase OS=...}
 * then the residues on lines of any width), one record's text at a time, so a Spark reader can split
 * a file on {@code "\n>"} and hand each piece here.
 *
 * <p>The residues go through BioJava's protein sequence creator and FASTA header parser, the two
 * parts its {@code FastaReader} is made of. {@code FastaReader} itself is not used: it logs and drops
 * a record whose residues it cannot read, and the quarantine needs that reason. BioJava's amino-acid
 * set takes every letter (either case) and {@code * - . _}; the ESM vocabulary is narrower (no
 * {@code J * _}), so it is checked after.
 */
public final class FastaRecords {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final AminoAcidCompoundSet AMINO_ACIDS = AminoAcidCompoundSet.getAminoAcidCompoundSet();
  private static final ProteinSequenceCreator CREATOR = new ProteinSequenceCreator(AMINO_ACIDS);
  private static final GenericFastaHeaderParser<AbstractSequence<AminoAcidCompound>, AminoAcidCompound> HEADERS =
      new GenericFastaHeaderParser<>();

  private FastaRecords() {}

  /**
   * One record's text: a header line (its leading {@code >} optional) and the residue lines.
   * Malformed when the header or the sequence is empty, BioJava cannot read a residue, the UniProt
   * accession is empty, or a residue is outside {@link EsmAlphabet}.
   */
  public static ParseOutcome<ProteinSequenceRecord> parse(String recordText) {
    if (recordText == null || recordText.isBlank()) {
      return ParseOutcome.malformed("empty record");
    }
    String text = recordText.stripLeading();
    if (text.startsWith(">")) {
      text = text.substring(1);
    }
    int newline = text.indexOf('\n');
    String header = (newline < 0 ? text : text.substring(0, newline)).strip();
    if (header.isEmpty()) {
      return ParseOutcome.malformed("empty header");
    }
    String residues = newline < 0 ? "" : WHITESPACE.matcher(text.substring(newline + 1)).replaceAll("");
    if (residues.isEmpty()) {
      return ParseOutcome.malformed("empty sequence (header '" + abbreviate(header) + "')");
    }
    AbstractSequence<AminoAcidCompound> protein;
    try {
      protein = CREATOR.getSequence(residues, 0);
    } catch (CompoundNotFoundException e) {
      return ParseOutcome.malformed("BioJava cannot read the sequence: " + e.getMessage()
          + " (residue " + (firstUnreadable(residues) + 1) + ")");
    }
    try {
      HEADERS.parseHeader(header, protein);
    } catch (RuntimeException e) {
      // The header parser splits on '|' by database conventions; an odd header must not fail a whole task.
      return ParseOutcome.malformed("BioJava cannot read header '" + abbreviate(header) + "': " + e);
    }
    String id;
    if (protein.getAccession().getDataSource() == DataSource.UNIPROT) {
      id = protein.getAccession().getID().strip();
      if (id.isEmpty()) {
        return ParseOutcome.malformed("header '" + abbreviate(header) + "' has an empty UniProt accession");
      }
    } else {
      id = WHITESPACE.split(header, 2)[0];
    }
    // BioJava keeps the compounds' upper-case names, so this is the upper-cased sequence.
    String sequence = protein.getSequenceAsString();
    String unknown = EsmResidues.unknownResidueReason(sequence);
    if (unknown != null) {
      return ParseOutcome.malformed(unknown);
    }
    return ParseOutcome.ok(new ProteinSequenceRecord(id, header, sequence));
  }

  /**
   * A whole FASTA file cut into record texts, each from its {@code >} to the line break before the
   * next. Blank text before the first record is dropped; other text there is kept as a record of
   * its own, so {@link #parse} reports it.
   */
  public static List<String> records(String fileText) {
    List<String> out = new ArrayList<>();
    int start = fileText.startsWith(">") ? 0 : -1;
    if (start < 0) {
      int first = fileText.indexOf("\n>");
      String preamble = first < 0 ? fileText : fileText.substring(0, first);
      if (!preamble.isBlank()) {
        out.add(stripLineBreaks(preamble));
      }
      start = first < 0 ? fileText.length() : first + 1;
    }
    while (start < fileText.length()) {
      int next = fileText.indexOf("\n>", start);
      int end = next < 0 ? fileText.length() : next;
      out.add(stripLineBreaks(fileText.substring(start, end)));
      start = next < 0 ? fileText.length() : next + 1;
    }
    return out;
  }

  private static int firstUnreadable(String residues) {
    for (int i = 0; i < residues.length(); i++) {
      if (AMINO_ACIDS.getCompoundForString(residues.substring(i, i + 1)) == null) {
        return i;
      }
    }
    return -1;
  }

  private static String stripLineBreaks(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }

  private static String abbreviate(String header) {
    return header.length() <= 60 ? header : header.substring(0, 57) + "...";
  }
}
