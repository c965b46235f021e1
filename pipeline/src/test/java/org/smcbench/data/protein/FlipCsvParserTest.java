package org.smcbench.data.protein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smcbench.data.ParseOutcome;

class FlipCsvParserTest {
  private final FlipCsvParser plain = FlipCsvParser.forHeader("clustered_task.csv", "sequence,target,set");
  private final FlipCsvParser withValidation =
      FlipCsvParser.forHeader("mixed_split.csv", "\uFEFFsequence,target,set,validation\r");

  @Test
  void readsARow() {
    assertEquals(new FlipRecord("MAAAAELSLL", 47.7215496889894, "train"), ok(plain, "MAAAAELSLL,47.7215496889894,train"));
    assertEquals(new FlipRecord("MKV", -1.5e-3, "test"), ok(plain, "mkv,-1.5e-3,test\r"));
  }

  @Test
  void columnsAreFoundByName() {
    FlipCsvParser reordered = FlipCsvParser.forHeader("f.csv", "set,target,sequence,extra");
    assertEquals(new FlipRecord("MKV", 50.0, "test"), ok(reordered, "test,50,MKV,whatever"));
  }

  @Test
  void validationFlagMakesTheValidSplit() {
    assertEquals("valid", ok(withValidation, "MKV,1.0,train,True").split());
    assertEquals("train", ok(withValidation, "MKV,1.0,train,False").split());
    assertEquals("test", ok(withValidation, "MKV,1.0,test,False").split());
    assertEquals("test", ok(withValidation, "MKV,1.0,test,").split());
  }

  @Test
  void headerMustNameTheColumns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FlipCsvParser.forHeader("bad.csv", "sequence,label,set"));
    assertEquals("bad.csv: header lacks column 'target' (header: sequence,label,set)", e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FlipCsvParser.forHeader("empty.csv", ""))
        .getMessage().startsWith("empty.csv: empty file"));
  }

  @Test
  void malformedRowsGiveReasons() {
    assertReason(plain, "MKV,1.0", "has 2 fields, the header has 3");
    assertReason(plain, "MKV,1.0,train,x", "has 4 fields, the header has 3");
    assertReason(plain, "", "empty line");
    assertReason(plain, ",1.0,train", "field 'sequence' is empty");
    assertReason(plain, "MKJV,1.0,train", "field 'sequence': residue 'J' at 3 is not in the 33-symbol ESM alphabet");
    assertReason(plain, "MKV,warm,train", "field 'target' 'warm' is not a finite number");
    assertReason(plain, "MKV,nan,train", "field 'target' 'nan' is not a finite number");
    assertReason(plain, "MKV,NaN,train", "field 'target' 'NaN' is not a finite number");
    assertReason(plain, "MKV,,train", "field 'target' '' is not a finite number");
    assertReason(plain, "MKV,1e999,train", "field 'target' '1e999' is out of range");
    assertReason(plain, "MKV,1.0,valid", "field 'set' 'valid' is neither train nor test");
    assertReason(withValidation, "MKV,1.0,train,yes", "field 'validation' 'yes' is neither True nor False");
    assertReason(withValidation, "MKV,1.0,test,True", "field 'validation' is True on a 'test' row");
  }

  @Test
  void numberedReasonsNameTheFileAndLine() {
    ParseOutcome.Malformed<?> bad = assertInstanceOf(ParseOutcome.Malformed.class, plain.parse(7, "MKV,x,train"));
    assertEquals("clustered_task.csv line 7: field 'target' 'x' is not a finite number", bad.reason());
    assertEquals(new FlipRecord("MKV", 2.0, "train"),
        ((ParseOutcome.Ok<FlipRecord>) plain.parse(8, "MKV,2,train")).value());
  }

  private static FlipRecord ok(FlipCsvParser parser, String line) {
    ParseOutcome<FlipRecord> outcome = parser.parse(line);
    @SuppressWarnings("unchecked")
    ParseOutcome.Ok<FlipRecord> ok = assertInstanceOf(ParseOutcome.Ok.class, outcome, outcome::toString);
    return ok.value();
  }

  private static void assertReason(FlipCsvParser parser, String line, String expected) {
    ParseOutcome<FlipRecord> outcome = parser.parse(line);
    ParseOutcome.Malformed<?> bad = assertInstanceOf(ParseOutcome.Malformed.class, outcome, outcome::toString);
    assertTrue(bad.reason().contains(expected), bad.reason());
  }
}
