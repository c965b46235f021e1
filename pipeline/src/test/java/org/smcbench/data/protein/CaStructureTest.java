package org.smcbench.data.protein;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structure fixtures written by the test: fixed-column PDB ATOM records and an mmCIF atom_site loop. */
class CaStructureTest {
  @TempDir
  Path dir;

  private static final String[] RESIDUES = {"ALA", "GLY", "LYS", "GLU", "TRP"};
  private static final float[][] CA = {
      {11.104f, 6.134f, -6.504f}, {12.560f, 3.690f, -4.212f}, {-0.125f, 0.000f, 100.5f}, {1.001f, -2.002f, 3.003f},
      {-45.678f, 9.876f, 0.001f}};

  /** One ATOM / HETATM record in the PDB format's fixed columns. */
  private static String atom(String record, int serial, String name, String residue, char chain, int number,
      double x, double y, double z, String element) {
    return String.format(Locale.ROOT, "%-6s%5d  %-3s %3s %c%4d    %8.3f%8.3f%8.3f%6.2f%6.2f          %2s%n",
        record, serial, name, residue, chain, number, x, y, z, 1.0, 20.0, element);
  }

  /** Chain A: the five residues (N, CA, C each) and a water; chain B: MSE, then a GLY lacking its CA. */
  private static String pdb() {
    StringBuilder s = new StringBuilder("HEADER    TEST FIXTURE\n");
    int serial = 1;
    for (int i = 0; i < RESIDUES.length; i++) {
      float[] ca = CA[i];
      s.append(atom("ATOM", serial++, "N", RESIDUES[i], 'A', i + 1, ca[0] - 1, ca[1], ca[2], "N"));
      s.append(atom("ATOM", serial++, "CA", RESIDUES[i], 'A', i + 1, ca[0], ca[1], ca[2], "C"));
      s.append(atom("ATOM", serial++, "C", RESIDUES[i], 'A', i + 1, ca[0] + 1, ca[1], ca[2], "C"));
    }
    s.append("TER\n");
    s.append(atom("ATOM", serial++, "N", "MSE", 'B', 1, 0, 0, 0, "N"));
    s.append(atom("ATOM", serial++, "CA", "MSE", 'B', 1, 1.5, 2.5, 3.5, "C"));
    s.append(atom("ATOM", serial++, "N", "GLY", 'B', 2, 4, 4, 4, "N"));
    s.append(atom("ATOM", serial++, "C", "GLY", 'B', 2, 5, 5, 5, "C"));
    s.append("TER\n");
    s.append(atom("HETATM", serial, "O", "HOH", 'A', 101, 9.0, 9.0, 9.0, "O"));
    return s.append("END\n").toString();
  }

  @Test
  void readsTheFirstProteinChainOfAPdbFile() throws IOException {
    Path file = dir.resolve("fixture.pdb");
    Files.writeString(file, pdb(), StandardCharsets.US_ASCII);
    CaStructure s;
    try (InputStream in = Files.newInputStream(file)) {
      s = CaStructure.read(in, file.getFileName().toString(), null);
    }
    assertEquals("AGKEW", s.sequence());
    assertEquals("A", s.chain());
    assertEquals(0, s.residuesWithoutCa());
    assertEquals(5, s.ca().length);
    for (int i = 0; i < CA.length; i++) {
      assertArrayEquals(CA[i], s.ca()[i], "residue " + (i + 1));
    }
  }

  @Test
  void namedChainSkipsResiduesWithoutCa() throws IOException {
    CaStructure b = read(pdb().getBytes(StandardCharsets.US_ASCII), "fixture.ent", "B");
    assertEquals("M", b.sequence(), "selenomethionine reads as M");
    assertEquals("B", b.chain());
    assertEquals(1, b.residuesWithoutCa());
    assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f}, b.ca()[0]);
  }

  @Test
  void unknownComponentsInAtomRecordsAreX() throws IOException {
    String pdb = atom("ATOM", 1, "CA", "ALA", 'A', 1, 1, 0, 0, "C")
        + atom("ATOM", 2, "CA", "UNK", 'A', 2, 2, 0, 0, "C")
        + atom("ATOM", 3, "CA", "SEC", 'A', 3, 3, 0, 0, "C")
        + atom("HETATM", 4, "CA", "PTR", 'A', 4, 4, 0, 0, "C")
        + atom("ATOM", 5, "CA", "TRP", 'A', 5, 5, 0, 0, "C")
        + atom("ATOM", 6, "CA", "PYL", 'A', 6, 6, 0, 0, "C")
        + atom("HETATM", 7, "CA", "CA", 'A', 101, 7, 0, 0, "CA");
    CaStructure s = read(pdb.getBytes(StandardCharsets.US_ASCII), "odd.pdb", null);
    assertEquals("AXUWO", s.sequence(), "UNK is X, SEC U, PYL O; the HETATM PTR and the calcium are dropped");
    assertArrayEquals(new float[] {5, 0, 0}, s.ca()[3]);
  }

  @Test
  void readsGzippedFiles() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(pdb().getBytes(StandardCharsets.US_ASCII));
    }
    assertEquals("AGKEW", read(bytes.toByteArray(), "AF-P12345-F1-model_v4.PDB.GZ", "A").sequence());
  }

  /** The same two chains as mmCIF; chain B's author id is C, so both ids must find it. */
  private static String cif() {
    StringBuilder s = new StringBuilder("data_TEST\n#\n");
    s.append("loop_\n_entity.id\n_entity.type\n1 polymer\n2 polymer\n3 water\n#\n");
    s.append("loop_\n");
    for (String field : new String[] {"group_PDB", "id", "type_symbol", "label_atom_id", "label_alt_id", "label_comp_id",
        "label_asym_id", "label_entity_id", "label_seq_id", "pdbx_PDB_ins_code", "Cartn_x", "Cartn_y", "Cartn_z",
        "occupancy", "B_iso_or_equiv", "auth_seq_id", "auth_comp_id", "auth_asym_id", "auth_atom_id",
        "pdbx_PDB_model_num"}) {
      s.append("_atom_site.").append(field).append('\n');
    }
    int serial = 1;
    for (int i = 0; i < RESIDUES.length; i++) {
      for (String name : new String[] {"N", "CA", "C"}) {
        float[] ca = CA[i];
        double x = name.equals("CA") ? ca[0] : ca[0] + (name.equals("N") ? -1 : 1);
        s.append(String.format(Locale.ROOT, "ATOM %d %s %s . %s A 1 %d ? %.3f %.3f %.3f 1.00 20.00 %d %s A %s 1%n",
            serial++, name.substring(0, 1), name, RESIDUES[i], i + 1, x, ca[1], ca[2], i + 1, RESIDUES[i], name));
      }
    }
    s.append(String.format(Locale.ROOT, "ATOM %d C CA . LYS B 2 1 ? 7.250 -8.500 0.125 1.00 20.00 1 LYS C CA 1%n",
        serial++));
    s.append(String.format(Locale.ROOT, "HETATM %d O O . HOH D 3 . ? 9.000 9.000 9.000 1.00 20.00 101 HOH A O 1%n",
        serial));
    return s.append("#\n").toString();
  }

  @Test
  void readsMmCif() throws IOException {
    byte[] bytes = cif().getBytes(StandardCharsets.US_ASCII);
    CaStructure a = read(bytes, "fixture.cif", null);
    assertEquals("AGKEW", a.sequence());
    assertEquals("A", a.chain());
    for (int i = 0; i < CA.length; i++) {
      assertArrayEquals(CA[i], a.ca()[i], "residue " + (i + 1));
    }
    CaStructure byAuthor = read(bytes, "fixture.mmcif", "C");
    assertEquals("K", byAuthor.sequence());
    assertArrayEquals(new float[] {7.25f, -8.5f, 0.125f}, byAuthor.ca()[0]);
    assertEquals("C", read(bytes, "fixture.cif", "B").chain(), "found by label id, reported by author id");
  }

  @Test
  void errorsNameTheFile() {
    byte[] bytes = pdb().getBytes(StandardCharsets.US_ASCII);
    assertMessage(bytes, "fixture.txt", null, "fixture.txt: unknown structure format");
    assertMessage(bytes, "fixture.pdb", "Q", "fixture.pdb: no polymer chain 'Q' in the first model (chains: A, B)");
    byte[] water = atom("HETATM", 1, "O", "HOH", 'A', 1, 1, 1, 1, "O").getBytes(StandardCharsets.US_ASCII);
    assertMessage(water, "water.pdb", null, "water.pdb: no protein chain");
    assertMessage("not a structure\n".getBytes(StandardCharsets.US_ASCII), "junk.pdb", null, "junk.pdb: ");
    assertMessage("data_X\nnot cif at all".getBytes(StandardCharsets.US_ASCII), "junk.cif", null, "junk.cif: ");
  }

  private static CaStructure read(byte[] bytes, String name, String chain) throws IOException {
    return CaStructure.read(new java.io.ByteArrayInputStream(bytes), name, chain);
  }

  private static void assertMessage(byte[] bytes, String name, String chain, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(bytes, name, chain));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }
}
