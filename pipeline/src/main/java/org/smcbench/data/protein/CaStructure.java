package org.smcbench.data.protein;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.biojava.nbio.structure.Atom;
import org.biojava.nbio.structure.Chain;
import org.biojava.nbio.structure.Group;
import org.biojava.nbio.structure.Structure;
import org.biojava.nbio.structure.chem.ChemComp;
import org.biojava.nbio.structure.chem.ChemCompGroupFactory;
import org.biojava.nbio.structure.chem.DownloadChemCompProvider;
import org.biojava.nbio.structure.chem.ReducedChemCompProvider;
import org.biojava.nbio.structure.chem.ResidueType;
import org.biojava.nbio.structure.io.FileParsingParameters;
import org.biojava.nbio.structure.io.PDBFileParser;
import org.biojava.nbio.structure.io.cif.CifStructureConverter;

/**
 * The Cα trace of one protein chain of a PDB or mmCIF file (optionally gzipped), read with BioJava:
 * the first model, the named chain (author id, else label id) or the first chain with amino acids.
 * One row of {@code ca} ({@code x, y, z} in Å) and one letter of {@code sequence} per amino-acid
 * residue that has a CA atom, in chain order; letters outside the 20 standard residues and the
 * ESM rare codes become {@code X}, and so do components outside BioJava's bundled dictionary (see
 * below). Waters, ligands and nucleotides are ignored; amino acids without a CA are left out and
 * counted in {@code residuesWithoutCa}.
 *
 * <p>Residues are recognised with the chemical-component dictionary bundled in BioJava's jar (the
 * standard residues, MSE, SEC, nucleotides, water and some ions), never downloaded; a component it
 * lacks is an amino acid ({@code X}) only in ATOM records, so a modified residue written as HETATM,
 * such as PTR, is dropped as a ligand would be.
 *
 * <p>{@code ca} is an array, so two instances are equal only when they share it.
 */
public record CaStructure(String sequence, float[][] ca, String chain, int residuesWithoutCa) {

  static {
    // BioJava's default chemical-component provider downloads each residue's definition from the
    // RCSB (and caches it under the temp dir); the jar's reduced set covers the standard and common
    // modified residues offline and the same on every executor. A provider chosen on purpose is kept.
    if (ChemCompGroupFactory.getChemCompProvider() instanceof DownloadChemCompProvider) {
      ChemCompGroupFactory.setChemCompProvider(new ReducedChemCompProvider());
    }
  }

  /**
   * Reads the chain {@code chain} (null: the first protein chain) of a structure file; the format
   * follows {@code fileName}'s extension: {@code .pdb} / {@code .ent}, {@code .cif} / {@code .mmcif},
   * each optionally {@code .gz}. Fails with an {@link IllegalArgumentException} naming the file when
   * the format is unknown, the file cannot be parsed or has no such chain or no Cα atom. Does not
   * close {@code in}.
   */
  public static CaStructure read(InputStream in, String fileName, String chain) throws IOException {
    String name = fileName.toLowerCase(Locale.ROOT);
    InputStream body = in;
    if (name.endsWith(".gz")) {
      try {
        body = new GZIPInputStream(in);
      } catch (IOException e) {
        throw new IOException(fileName + ": not gzip data: " + e.getMessage(), e);
      }
      name = name.substring(0, name.length() - 3);
    }
    Structure structure = parse(new BufferedInputStream(body), name, fileName);
    if (structure.nrModels() == 0) {
      throw new IllegalArgumentException(fileName + ": no model");
    }
    Chain picked = pick(structure.getPolyChains(0), chain, fileName);
    return trace(picked, fileName);
  }

  private static Structure parse(InputStream in, String name, String fileName) throws IOException {
    FileParsingParameters params = new FileParsingParameters();
    // Aligning SEQRES to the observed residues only matters for unobserved ones, which have no CA.
    params.setAlignSeqRes(false);
    try {
      if (name.endsWith(".pdb") || name.endsWith(".ent")) {
        PDBFileParser parser = new PDBFileParser();
        parser.setFileParsingParameters(params);
        return parser.parsePDBFile(in);
      }
      if (name.endsWith(".cif") || name.endsWith(".mmcif")) {
        return CifStructureConverter.fromInputStream(in, params);
      }
    } catch (IOException e) {
      throw new IOException(fileName + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(fileName + ": BioJava cannot parse the structure: " + e, e);
    } catch (NoClassDefFoundError e) {
      // BioJava's parsers assign entities with EntityFinder, which needs the biojava-alignment module.
      throw new IllegalStateException(fileName + ": BioJava's structure parser needs biojava-alignment on the"
          + " classpath (missing class " + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException(fileName + ": unknown structure format, expected .pdb, .ent, .cif or .mmcif"
        + " (optionally .gz)");
  }

  private static Chain pick(List<Chain> chains, String wanted, String fileName) {
    List<String> names = new ArrayList<>();
    for (Chain c : chains) {
      if (wanted == null ? hasAminoAcid(c) : wanted.equals(c.getName())) {
        return c;
      }
      names.add(c.getName());
    }
    if (wanted != null) {
      for (Chain c : chains) {
        if (wanted.equals(c.getId())) {
          return c;
        }
      }
      throw new IllegalArgumentException(fileName + ": no polymer chain '" + wanted + "' in the first model (chains: "
          + String.join(", ", names) + ")");
    }
    throw new IllegalArgumentException(fileName + ": no protein chain in the first model");
  }

  private static boolean hasAminoAcid(Chain chain) {
    for (Group g : chain.getAtomGroups()) {
      if (isAminoAcid(g)) {
        return true;
      }
    }
    return false;
  }

  /**
   * BioJava's own test, except for a component its reduced dictionary lacks (UNK, PYL, most
   * modified residues): BioJava's test then fails on the missing residue type, and such a group
   * counts as an amino acid when it sits in ATOM records and has a CA (a HETATM calcium is also
   * named CA).
   */
  private static boolean isAminoAcid(Group g) {
    ChemComp cc = g.getChemComp();
    if (cc == null || cc.isEmpty() || ResidueType.getResidueTypeFromString(cc.getType()) == null) {
      return !g.isHetAtomInFile() && g.hasAtom("CA");
    }
    return g.isAminoAcid();
  }

  private static CaStructure trace(Chain chain, String fileName) {
    StringBuilder sequence = new StringBuilder();
    List<float[]> ca = new ArrayList<>();
    int withoutCa = 0;
    for (Group g : chain.getAtomGroups()) {
      if (!isAminoAcid(g)) {
        continue;
      }
      Atom atom = g.getAtom("CA");
      if (atom == null) {
        withoutCa++;
        continue;
      }
      sequence.append(oneLetter(g));
      ca.add(new float[] {(float) atom.getX(), (float) atom.getY(), (float) atom.getZ()});
    }
    if (ca.isEmpty()) {
      throw new IllegalArgumentException(fileName + ": chain '" + chain.getName() + "' has no amino acid with a CA atom");
    }
    return new CaStructure(sequence.toString(), ca.toArray(new float[0][]), chain.getName(), withoutCa);
  }

  private static char oneLetter(Group g) {
    // The bundled dictionary gives selenocysteine A (parent ALA) and lacks pyrrolysine; UniProt
    // and ESM write them U and O.
    if ("SEC".equals(g.getPDBName())) {
      return 'U';
    }
    if ("PYL".equals(g.getPDBName())) {
      return 'O';
    }
    ChemComp chemComp = g.getChemComp();
    String code = chemComp == null ? null : chemComp.getOneLetterCode();
    if (code == null || code.length() != 1) {
      return 'X';
    }
    char c = Character.toUpperCase(code.charAt(0));
    // Only residue letters: BioJava writes '?' for an unknown component.
    return c >= 'A' && c <= 'Z' && EsmAlphabet.idOf(c) >= 0 ? c : 'X';
  }
}
