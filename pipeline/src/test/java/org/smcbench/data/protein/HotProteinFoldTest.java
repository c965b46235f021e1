package org.smcbench.data.protein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Pickler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fold pickles written with razorvine's Pickler, which writes Java maps and lists as Python dicts and lists. */
class HotProteinFoldTest {
  @TempDir
  Path dir;

  private static Map<String, Object> fold(Object trainLabels, Object testLabels) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("train_names", List.of("A0A5E4IR97", "D2V558", "Q9WZS6"));
    m.put("train_labels", trainLabels);
    m.put("test_names", List.of("D7DBZ6"));
    m.put("test_labels", testLabels);
    return m;
  }

  private static byte[] pickle(Object value) throws IOException {
    return new Pickler().dumps(value);
  }

  @Test
  void readsIntLabelsFromAFile() throws IOException {
    Path file = dir.resolve("d1_0_classification.pkl");
    Files.write(file, pickle(fold(List.of(1, 0, 1), List.of(1))));
    HotProteinFold f = HotProteinFold.read(file);
    assertEquals(List.of("A0A5E4IR97", "D2V558", "Q9WZS6"), f.trainNames());
    assertEquals(List.of(1.0, 0.0, 1.0), f.trainValues());
    assertEquals(List.of("D7DBZ6"), f.testNames());
    assertEquals(List.of(1.0), f.testValues());
  }

  @Test
  void readsFloatTemperaturesLongsAndTuples() throws IOException {
    HotProteinFold f = read(fold(new Object[] {80.0, 2.0, 37.5}, List.of(85.0)));
    assertEquals(List.of(80.0, 2.0, 37.5), f.trainValues());
    HotProteinFold big = read(fold(List.of(1L << 40, BigInteger.TEN.pow(20), 0), List.of(-3)));
    assertEquals(List.of((double) (1L << 40), 1e20, 0.0), big.trainValues());
    assertEquals(List.of(-3.0), big.testValues());
  }

  @Test
  void missingKeyIsNamed() {
    Map<String, Object> m = fold(List.of(1, 0, 1), List.of(1));
    m.remove("test_labels");
    assertMessage(m, "d1_0.pkl: key 'test_labels' is missing");
  }

  @Test
  void nonListValueIsNamed() {
    assertMessage(fold(Map.of("a", 1), List.of(1)), "d1_0.pkl: key 'train_labels' holds a HashMap, not a list");
    assertMessage(fold(List.of(1, 0, 1), 7), "key 'test_labels' holds a Integer, not a list");
  }

  @Test
  void lengthMismatchIsNamed() {
    assertMessage(fold(List.of(1, 0), List.of(1)), "d1_0.pkl: 'train_names' has 3 entries but 'train_labels' has 2");
  }

  @Test
  void wrongEntriesAreNamed() {
    assertMessage(fold(List.of(1, "hot", 1), List.of(1)), "key 'train_labels' entry 1 is a String, not a number");
    assertMessage(fold(List.of(1, 0, 1), List.of(true)), "key 'test_labels' entry 0 is a Boolean, not a number");
    Map<String, Object> m = fold(List.of(1, 0, 1), List.of(1));
    m.put("test_names", List.of(42));
    assertMessage(m, "key 'test_names' entry 0 is a Integer, not a string");
  }

  @Test
  void notADictOrNotAPickle() {
    assertMessage(List.of(1, 2), "d1_0.pkl: pickle holds a ArrayList, not a dict");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HotProteinFold.read(new ByteArrayInputStream(new byte[] {(byte) 0x80, 3, (byte) 0xfe}), "d1_0.pkl"));
    assertTrue(e.getMessage().startsWith("d1_0.pkl: not a readable pickle"), e.getMessage());
  }

  private static HotProteinFold read(Object value) throws IOException {
    return HotProteinFold.read(new ByteArrayInputStream(pickle(value)), "d1_0.pkl");
  }

  private static void assertMessage(Object value, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(value));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
