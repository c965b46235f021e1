package org.smcbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticScoresTest {
  private static final int MI = 1 << 20;

  @Test
  void tensorsLookLikeA1024WideModel() {
    List<Integer> sizes = SyntheticScores.tensorSizes(355_000_000L);
    assertEquals(355_000_000L, sizes.stream().mapToLong(Integer::longValue).sum());
    assertEquals(16 * MI, sizes.get(0));
    assertEquals(List.of(MI, MI, MI, MI, 4 * MI, 4 * MI), sizes.subList(1, 7));
    assertTrue(sizes.stream().allMatch(s -> s > 0 && s <= 16 * MI));
    assertEquals(List.of(1_000_000), SyntheticScores.tensorSizes(1_000_000));
    assertEquals(List.of(16 * MI, MI, 5), SyntheticScores.tensorSizes(17L * MI + 5));
  }

  @Test
  void scoresAreSeededNonNegativeAndParallelSafe() {
    List<float[]> a = SyntheticScores.generate(18L * MI, 11);
    List<float[]> b = SyntheticScores.generate(18L * MI, 11);
    for (int t = 0; t < a.size(); t++) {
      assertArrayEquals(a.get(t), b.get(t));
    }
    float[] other = SyntheticScores.generate(1000, 12).get(0);
    assertFalse(java.util.Arrays.equals(other, SyntheticScores.generate(1000, 11).get(0)));
    double sum = 0;
    for (float[] x : a) {
      for (float v : x) {
        assertTrue(v >= 0 && Float.floatToRawIntBits(v) >= 0, "non-negative, no -0.0");
        sum += v;
      }
    }
    assertEquals(Math.sqrt(2 / Math.PI), sum / (18.0 * MI), 1e-3, "mean of |N(0,1)|");
  }

  @Test
  void fileHoldsTheSameBitsLittleEndian(@TempDir Path dir) throws Exception {
    List<float[]> tensors = List.of(new float[] {1f, -0f, Float.MIN_VALUE}, new float[(4 * MI) + 3]);
    tensors.get(1)[4 * MI + 2] = 0.8234f;
    Path file = dir.resolve("x.f32");
    SyntheticScores.writeLittleEndian(tensors, file);
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(4L * (3 + 4 * MI + 3), bytes.capacity());
    assertEquals(0x3F800000, bytes.getInt(0));
    assertEquals(0x80000000, bytes.getInt(4));
    assertEquals(1, bytes.getInt(8));
    assertEquals(Float.floatToRawIntBits(0.8234f), bytes.getInt(bytes.capacity() - 4));
  }

  @Test
  void sizesParseDecimalSuffixes() {
    assertEquals(10_000_000L, Sizes.parse("10M"));
    assertEquals(355_000_000L, Sizes.parse("355m"));
    assertEquals(500_000L, Sizes.parse("500K"));
    assertEquals(1_500_000_000L, Sizes.parse("1.5G"));
    assertEquals(4096L, Sizes.parse(" 4096 "));
    for (String bad : new String[] {"", "M", "1.5", "-3M", "0", "ten", "1.0000001M"}) {
      assertThrows(IllegalArgumentException.class, () -> Sizes.parse(bad), bad);
    }
  }

  @Test
  void rankIsTheLastPrunedEntry() {
    assertEquals(5_899_999L, ThresholdBench.k(10_000_000L, 0.59));
    assertEquals(209_449_999L, ThresholdBench.k(355_000_000L, 0.59));
    assertThrows(IllegalArgumentException.class, () -> ThresholdBench.k(1, 0.4));
  }
}
