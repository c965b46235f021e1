package org.smcbench.data.protein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.data.ParseOutcome;

class FastaRecordsTest {
  private static final String HEADER = "tr|A0A075WPW5|A0A075WPW5_9BACT Phosphomannomutase OS=Thermodesulfobacterium"
      + " commune DSM 2178 OX=289377 GN=HL41_00255 PE=3 SV=1";
  private static final String LINE1 = "MKVSPYIFREYDIRGKVGKDFTEEIVREIGRAYGTMVRRSGGKRVVSGRDGRLSSEALQR";
  private static final String LINE2 = "CLIEGILSTGVEVLNIGLTP";

  @Test
  void readsAUniProtRecord() {
    ProteinSequenceRecord r = ok(">" + HEADER + "\n" + LINE1 + "\n" + LINE2 + "\n");
    assertEquals("A0A075WPW5", r.id());
    assertEquals(HEADER, r.header());
    assertEquals(LINE1 + LINE2, r.sequence());
    assertEquals("P69905", ok(">sp|P69905|HBA_HUMAN Hemoglobin subunit alpha\nMVLSPADKTN\n").id());
  }

  @Test
  void leadingMarkerIsOptionalAsAfterASparkSplit() {
    assertEquals(ok(">" + HEADER + "\n" + LINE1), ok(HEADER + "\n" + LINE1));
  }

  @Test
  void otherHeadersUseTheirFirstWord() {
    ProteinSequenceRecord r = ok(">my_protein some description\nMKV\n");
    assertEquals("my_protein", r.id());
    assertEquals("my_protein some description", r.header());
  }

  @Test
  void upperCasesAndDropsWhitespaceAndCarriageReturns() {
    ProteinSequenceRecord r = ok(">sp|P1|X_Y desc\r\nmkv sp\r\n\tyif \r\n\r\n");
    assertEquals("MKVSPYIF", r.sequence());
    assertEquals("sp|P1|X_Y desc", r.header());
    assertEquals("P1", r.id());
  }

  @Test
  void keepsRareCodesOfTheEsmAlphabet() {
    assertEquals("MXBUZOK", ok(">h\nMXBUZOK").sequence());
  }

  @Test
  void malformedRecordsGiveReasons() {
    assertReason("", "empty record");
    assertReason(">\nMKV\n", "empty header");
    assertReason(">   \r\nMKV\n", "empty header");
    assertReason(">sp|P1|X desc\n\n  \n", "empty sequence (header 'sp|P1|X desc')");
    assertReason(">sp|P1|X desc", "empty sequence");
    assertReason(">h\nMK1V\n", "BioJava cannot read the sequence: Cannot find compound for: 1 (residue 3)");
    assertReason(">h\nMKV\n>h2\nMKV\n", "Cannot find compound for: > (residue 4)");
    assertReason(">sp||X desc\nMKV\n", "empty UniProt accession");
    // BioJava accepts every letter and '*', '_': ESM has no J, '*' or '_'.
    assertReason(">h\n" + "ACDEFGHIKLMNPQRS" + "J" + "TV\n", "residue 'J' at 17 is not in the 33-symbol ESM alphabet");
    assertReason(">h\nMKV*\n", "residue '*' at 4 is not in the 33-symbol ESM alphabet");
    assertReason(">h\nmk_v\n", "residue '_' at 3 is not in the 33-symbol ESM alphabet");
  }

  @Test
  void splitsAFileIntoRecords() {
    String file = "\n>sp|P1|A one\nMKV\nLLA\n>sp|P2|B two\r\nGGG\r\n>x\nW\n";
    List<String> records = FastaRecords.records(file);
    assertEquals(List.of(">sp|P1|A one\nMKV\nLLA", ">sp|P2|B two\r\nGGG", ">x\nW"), records);
    assertEquals(List.of("MKVLLA", "GGG", "W"), records.stream().map(t -> ok(t).sequence()).toList());
    assertEquals(List.of(), FastaRecords.records(""));
    assertEquals(List.of(">a\nM"), FastaRecords.records(">a\nM"));
  }

  @Test
  void textBeforeTheFirstRecordIsARecordToQuarantine() {
    List<String> records = FastaRecords.records("stray text\n>a\nM\n");
    assertEquals(List.of("stray text", ">a\nM"), records);
    assertReason(records.get(0), "empty sequence (header 'stray text')");
  }

  private static ProteinSequenceRecord ok(String text) {
    ParseOutcome<ProteinSequenceRecord> outcome = FastaRecords.parse(text);
    @SuppressWarnings("unchecked")
    ParseOutcome.Ok<ProteinSequenceRecord> ok = assertInstanceOf(ParseOutcome.Ok.class, outcome, outcome::toString);
    return ok.value();
  }

  private static void assertReason(String text, String expected) {
    ParseOutcome<ProteinSequenceRecord> outcome = FastaRecords.parse(text);
    ParseOutcome.Malformed<?> bad = assertInstanceOf(ParseOutcome.Malformed.class, outcome, outcome::toString);
    assertTrue(bad.reason().contains(expected), bad.reason());
  }
}
