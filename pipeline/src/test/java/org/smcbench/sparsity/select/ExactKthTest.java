package org.smcbench.sparsity.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactKthTest {

  /** Random arrays mixing wide-range values, a small pool of repeated values, negatives and ±0. */
  private static List<float[]> randomArrays(long seed, int arrays, int maxLength) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] pool = {-0.0f, 0.0f, 1.5f, -1.5f, 1e-30f, -3e38f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    List<float[]> out = new ArrayList<>();
    for (int a = 0; a < arrays; a++) {
      float[] x = new float[rng.nextInt(1, maxLength + 1)];
      for (int i = 0; i < x.length; i++) {
        switch (rng.nextInt(4)) {
          case 0 -> x[i] = pool[rng.nextInt(pool.length)];
          case 1 -> x[i] = (float) rng.nextGaussian() * 1e-3f;
          case 2 -> x[i] = rng.nextInt(-5, 6); // heavy duplicates
          default -> x[i] = (float) ((rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-20, 20)));
        }
      }
      out.add(x);
    }
    return out;
  }

  private static float[] concatSorted(List<float[]> arrays) {
    int n = arrays.stream().mapToInt(a -> a.length).sum();
    float[] all = new float[n];
    int at = 0;
    for (float[] a : arrays) {
      System.arraycopy(a, 0, all, at, a.length);
      at += a.length;
    }
    Arrays.sort(all);
    return all;
  }

  private static long countBelow(float[] sorted, float v) {
    long c = 0;
    for (float x : sorted) {
      if (x < v) {
        c++;
      }
    }
    return c;
  }

  @Test
  void matchesSortAcrossSeedsIncludingEdgeRanks() {
    for (long seed = 1; seed <= 60; seed++) {
      List<float[]> arrays = randomArrays(seed, 1 + (int) (seed % 4), 3000);
      float[] sorted = concatSorted(arrays);
      int n = sorted.length;
      SplittableRandom rng = new SplittableRandom(seed * 31);
      long[] ranks = {0, n - 1, n / 2, rng.nextInt(n), rng.nextInt(n)};
      for (long k : ranks) {
        ExactKth.Result r = ExactKth.select(arrays, null, k);
        // float == treats -0.0 and +0.0 as the same value, which is the documented semantics
        assertTrue(r.value() == sorted[(int) k], "seed " + seed + " k " + k + ": " + r.value()
            + " vs " + sorted[(int) k]);
        assertEquals(countBelow(sorted, r.value()), r.below(), "below, seed " + seed + " k " + k);
      }
    }
  }

  @Test
  void includeMasksMatchSortOfTheIncludedValues() {
    for (long seed = 100; seed < 130; seed++) {
      List<float[]> arrays = randomArrays(seed, 3, 2000);
      SplittableRandom rng = new SplittableRandom(seed);
      List<boolean[]> include = new ArrayList<>();
      List<float[]> included = new ArrayList<>();
      for (float[] a : arrays) {
        boolean[] in = new boolean[a.length];
        float[] kept = new float[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
          in[i] = rng.nextInt(3) != 0;
          if (in[i]) {
            kept[n++] = a[i];
          } else if (rng.nextBoolean()) {
            a[i] = Float.NaN; // excluded entries are never looked at
          }
        }
        include.add(in);
        included.add(Arrays.copyOf(kept, n));
      }
      float[] sorted = concatSorted(included);
      for (long k : new long[] {0, sorted.length - 1, rng.nextInt(sorted.length)}) {
        ExactKth.Result r = ExactKth.select(arrays, include, k);
        assertTrue(r.value() == sorted[(int) k], "seed " + seed + " k " + k);
        assertEquals(countBelow(sorted, r.value()), r.below());
      }
    }
  }

  @Test
  void largeInputTakesParallelPathAndStaysExact() {
    SplittableRandom rng = new SplittableRandom(7);
    float[] a = new float[1_500_000];
    float[] b = new float[700_001];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rng.nextGaussian();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = rng.nextInt(-100, 100) * 0.25f;
    }
    float[] sorted = concatSorted(List.of(a, b));
    for (long k : new long[] {0, 1, 1_000_000, 1_100_000, sorted.length - 1}) {
      assertEquals(sorted[(int) k], ExactKth.kth(List.of(a, b), k), 0f, "k " + k);
    }
    boolean[] inA = new boolean[a.length];
    float[] keptA = new float[a.length];
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      inA[i] = i % 3 != 0;
      if (inA[i]) {
        keptA[n++] = a[i];
      }
    }
    float[] sortedIncluded = concatSorted(List.of(Arrays.copyOf(keptA, n), b));
    for (long k : new long[] {0, 900_000, sortedIncluded.length - 1}) {
      ExactKth.Result r = ExactKth.select(List.of(a, b), Arrays.asList(inA, null), k);
      assertEquals(sortedIncluded[(int) k], r.value(), 0f, "included, k " + k);
      assertEquals(countBelow(sortedIncluded, r.value()), r.below());
    }
  }

  @Test
  void threadRangesCrossingManyArraysAndEmptyOnesStayExact() {
    // 1.3 M values in 40 arrays, 8 of them empty: each thread's equal range of the concatenation
    // starts and ends inside arrays and crosses empty ones
    SplittableRandom rng = new SplittableRandom(11);
    List<float[]> arrays = new ArrayList<>();
    List<boolean[]> masks = new ArrayList<>();
    for (int a = 0; a < 40; a++) {
      float[] x = new float[a % 5 == 0 ? 0 : 32_768 + rng.nextInt(10_000)];
      boolean[] m = new boolean[x.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) rng.nextGaussian() * (a + 1);
        m[i] = rng.nextInt(3) != 0;
      }
      arrays.add(x);
      masks.add(a % 7 == 0 ? null : m);
    }
    float[] sorted = concatSorted(arrays);
    assertTrue(sorted.length > 1 << 20, "parallel path needs 2^20 values, have " + sorted.length);
    for (long k : new long[] {0, sorted.length / 3, sorted.length / 2, sorted.length - 1}) {
      ExactKth.Result r = ExactKth.select(arrays, null, k);
      assertEquals(sorted[(int) k], r.value(), 0f, "k " + k);
      assertEquals(countBelow(sorted, r.value()), r.below(), "below, k " + k);
    }
    List<float[]> kept = new ArrayList<>();
    for (int a = 0; a < arrays.size(); a++) {
      float[] x = arrays.get(a);
      boolean[] m = masks.get(a);
      float[] keep = new float[x.length];
      int n = 0;
      for (int i = 0; i < x.length; i++) {
        if (m == null || m[i]) {
          keep[n++] = x[i];
        }
      }
      kept.add(Arrays.copyOf(keep, n));
    }
    float[] sortedKept = concatSorted(kept);
    long k = sortedKept.length * 59L / 100;
    ExactKth.Result r = ExactKth.select(arrays, masks, k);
    assertEquals(sortedKept[(int) k], r.value(), 0f);
    assertEquals(countBelow(sortedKept, r.value()), r.below());

    // a NaN sharing +Inf's bucket, in the last array, is found by scanning its thread's range;
    // the range holding the infinity scans and finds none
    arrays.get(1)[0] = Float.POSITIVE_INFINITY;
    arrays.get(39)[arrays.get(39).length - 1] = Float.intBitsToFloat(0x7F800001);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExactKth.select(arrays, null, 5));
    assertTrue(e.getMessage().contains("array 39"), e.getMessage());
  }

  @Test
  void includeMaskRestrictsTheRanking() {
    float[] x = {5f, -1f, 3f, 2f, 9f, -7f};
    boolean[] in = {true, false, true, true, false, true};
    // considered: 5, 3, 2, -7 -> sorted -7, 2, 3, 5
    ExactKth.Result r = ExactKth.select(List.of(x), List.of(in), 1);
    assertEquals(2f, r.value());
    assertEquals(1, r.below());
    assertEquals(5f, ExactKth.select(List.of(x), List.of(in), 3).value());
    assertThrows(IllegalArgumentException.class, () -> ExactKth.select(List.of(x), List.of(in), 4));
  }

  @Test
  void zerosOfBothSignsAreOneValue() {
    float[] x = {-0.0f, 0.0f, -0.0f, 1f, -1f};
    ExactKth.Result r = ExactKth.select(List.of(x), null, 3);
    assertEquals(0.0f, r.value(), 0f);
    assertEquals(1, r.below());
    assertEquals(ExactKth.key(-0.0f), ExactKth.key(0.0f));
    assertTrue(ExactKth.key(-Float.MIN_VALUE) < ExactKth.key(0f));
    assertTrue(ExactKth.key(Float.NEGATIVE_INFINITY) < ExactKth.key(-Float.MAX_VALUE));
    assertEquals(-2.5f, ExactKth.fromKey(ExactKth.key(-2.5f)));
  }

  @Test
  void nanIsRejectedUnlessExcluded() {
    float[] x = {1f, Float.NaN, 2f};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExactKth.kth(x, 0));
    assertTrue(e.getMessage().contains("NaN at index 1"), e.getMessage());
    assertEquals(2f, ExactKth.select(List.of(x), List.of(new boolean[] {true, false, true}), 1)
        .value());
  }

  @Test
  void rankOutOfRangeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ExactKth.kth(new float[] {1f}, 1));
    assertThrows(IllegalArgumentException.class, () -> ExactKth.kth(new float[] {1f}, -1));
    assertThrows(IllegalArgumentException.class, () -> ExactKth.kth(new float[0], 0));
  }

  /** Values whose raw bits sit at 16-bit bucket edges, of both signs, plus the special values. */
  private static float[] bucketEdgeValues(SplittableRandom rng, int n) {
    int[] lows = {0x0000, 0x0001, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF};
    float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE,
        -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_NORMAL};
    // a few shared high halves so that buckets fill up and ties occur, some near zero
    int[] highs = {0x0000, 0x0001, 0x3F80, 0x3F81, 0x7F7F, 0x0080};
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      if (rng.nextInt(5) == 0) {
        x[i] = special[rng.nextInt(special.length)];
      } else {
        int high = highs[rng.nextInt(highs.length)] | (rng.nextBoolean() ? 0x8000 : 0);
        int low = rng.nextBoolean() ? lows[rng.nextInt(lows.length)] : rng.nextInt(1 << 16);
        x[i] = Float.intBitsToFloat((high << 16) | low);
      }
    }
    return x;
  }

  @Test
  void bucketEdgesOfBothSignsMatchSort() {
    for (long seed = 1; seed <= 40; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      List<float[]> arrays = new ArrayList<>();
      for (int a = 0; a < 1 + seed % 3; a++) {
        arrays.add(bucketEdgeValues(rng, rng.nextInt(1, 4000)));
      }
      float[] sorted = concatSorted(arrays);
      int n = sorted.length;
      for (long k : new long[] {0, n - 1, rng.nextInt(n), rng.nextInt(n), rng.nextInt(n)}) {
        ExactKth.Result r = ExactKth.select(arrays, null, k);
        assertTrue(r.value() == sorted[(int) k], "seed " + seed + " k " + k + ": " + r.value()
            + " vs " + sorted[(int) k]);
        assertEquals(countBelow(sorted, r.value()), r.below(), "below, seed " + seed + " k " + k);
        if (r.value() == 0f) {
          assertEquals(0, Float.floatToRawIntBits(r.value()), "a zero result is +0.0");
        }
      }
    }
  }

  @Test
  void positiveZeroRankSkipsNegativeZerosOnTheParallelPath() {
    // 1.2 M values over two arrays: negatives, -0.0 and +0.0 mixed, positives
    int n = 600_000;
    float[] a = new float[n];
    float[] b = new float[n];
    SplittableRandom rng = new SplittableRandom(3);
    long negatives = 0;
    long zeros = 0;
    for (float[] x : List.of(a, b)) {
      for (int i = 0; i < n; i++) {
        switch (rng.nextInt(4)) {
          case 0 -> { x[i] = -1f - rng.nextInt(100); negatives++; }
          case 1 -> { x[i] = -0f; zeros++; }
          case 2 -> { x[i] = 0f; zeros++; }
          default -> x[i] = Float.MIN_VALUE * rng.nextInt(1, 1000); // the +0 bucket's neighbours
        }
      }
    }
    for (long k : new long[] {negatives, negatives + zeros / 2, negatives + zeros - 1}) {
      ExactKth.Result r = ExactKth.select(List.of(a, b), null, k);
      assertEquals(0, Float.floatToRawIntBits(r.value()), "k " + k);
      assertEquals(negatives, r.below(), "k " + k);
    }
    ExactKth.Result next = ExactKth.select(List.of(a, b), null, negatives + zeros);
    assertTrue(next.value() > 0f);
    assertEquals(negatives + zeros, next.below());

    // with a mask that drops every other entry
    boolean[] half = new boolean[n];
    for (int i = 0; i < n; i += 2) {
      half[i] = true;
    }
    float[] kept = new float[n / 2];
    for (int i = 0; i < n; i += 2) {
      kept[i / 2] = a[i];
    }
    float[] sorted = concatSorted(List.of(kept, b));
    long keptNegatives = countBelow(sorted, 0f);
    ExactKth.Result r = ExactKth.select(List.of(a, b), Arrays.asList(half, null), keptNegatives + 5);
    assertEquals(0, Float.floatToRawIntBits(r.value())); // sorted[k] may be -0.0
    assertTrue(sorted[(int) keptNegatives + 5] == 0f);
    assertEquals(keptNegatives, r.below());
  }

  @Test
  void nanIsFoundInEveryNanBucketButNotAmongInfinities() {
    float[] infinities = {Float.POSITIVE_INFINITY, 1f, Float.NEGATIVE_INFINITY, -2f};
    assertEquals(Float.NEGATIVE_INFINITY, ExactKth.kth(infinities, 0));
    assertEquals(Float.POSITIVE_INFINITY, ExactKth.kth(infinities, 3));
    // quiet, signalling-payload and negative NaNs; the second shares its bucket with +Inf
    int[] nanBits = {0x7FC00000, 0x7F800001, 0xFF800001, 0xFFFFFFFF, 0x7F810000};
    for (int bits : nanBits) {
      float[] x = {Float.POSITIVE_INFINITY, 3f, Float.intBitsToFloat(bits), -1f};
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ExactKth.kth(x, 0), "bits " + bits);
      assertTrue(e.getMessage().contains("NaN at index 2"), e.getMessage());
      boolean[] skipNaN = {true, true, false, true};
      assertEquals(Float.POSITIVE_INFINITY,
          ExactKth.select(List.of(x), List.of(skipNaN), 2).value(), "bits " + bits);
    }
  }
}
