package org.smcbench.sparsity.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact k-th smallest value over one or many {@code float[]} arrays, as if they were concatenated,
 * without sorting or copying them.
 *
 * <p>Two histogram passes over the raw IEEE bits: the first counts the high 16 bits, the second the
 * low 16 bits of the values in the chosen high bucket. Raw bits are used as they are (no order key
 * per value: that transform made both passes 2.5x slower, measured) and the order is restored on
 * the 65,536 bins instead: negative buckets come first, in descending raw order, then positive ones
 * ascending. {@code -0.0} and {@code +0.0} count as one value (they are adjacent in that order, and
 * the rank of a zero result is corrected for the other sign). NaN has no place in the order and is
 * rejected; it is found in the histogram itself (its own buckets, or the two it shares with the
 * infinities, which are then scanned), so the passes carry no per-value NaN test. Memory beyond
 * the input is one 65,536-bin histogram per thread; each pass gives every thread one equal
 * contiguous range of the concatenated input.
 */
public final class ExactKth {

  /**
   * The k-th smallest value and how many considered values are strictly smaller. Ties at
   * {@code value} span ranks {@code below .. below + equal - 1}, and k lies in that span. A zero
   * result is {@code +0.0}.
   */
  public record Result(float value, long below) {}

  private static final int BINS = 1 << 16;
  /** Most values one chunk counts, so its int bins cannot overflow. */
  private static final long MAX_CHUNK = 1L << 30;
  private static final long PARALLEL_THRESHOLD = 1 << 20;
  /** High halves of +Inf and -Inf; the buckets above them in each sign hold only NaNs. */
  private static final int POS_INF_HIGH = 0x7F80;
  private static final int NEG_INF_HIGH = 0xFF80;

  private ExactKth() {}

  /** k-th smallest (0-based) value of one array. */
  public static float kth(float[] values, long k) {
    return select(List.of(values), null, k).value();
  }

  /** k-th smallest (0-based) value over all arrays together. */
  public static float kth(List<float[]> arrays, long k) {
    return select(arrays, null, k).value();
  }

  /**
   * k-th smallest (0-based) value over the entries of {@code arrays} that {@code include} marks
   * true. {@code include} may be null (everything counts) or hold one mask per array, where a null
   * mask also means everything counts. Entries left out are neither counted nor checked for NaN.
   *
   * @throws IllegalArgumentException if k is outside [0, considered count) or a considered value is
   *     NaN
   */
  public static Result select(List<float[]> arrays, List<boolean[]> include, long k) {
    if (include != null && include.size() != arrays.size()) {
      throw new IllegalArgumentException(
          include.size() + " include masks for " + arrays.size() + " arrays");
    }
    for (int a = 0; a < arrays.size(); a++) {
      boolean[] mask = include == null ? null : include.get(a);
      if (mask != null && mask.length != arrays.get(a).length) {
        throw new IllegalArgumentException("include mask " + a + " has length " + mask.length
            + ", array has " + arrays.get(a).length);
      }
    }
    List<Chunk> chunks = chunks(arrays);

    Histogram high = count(arrays, include, chunks, -1);
    if (high.nanSeen) {
      throw nanError(arrays, include);
    }
    long considered = Arrays.stream(high.counts).sum();
    if (k < 0 || k >= considered) {
      throw new IllegalArgumentException("k = " + k + " outside [0, " + considered + ")");
    }
    Bucket hb = locate(high.counts, Order.HIGH_HALVES, k);
    Histogram low = count(arrays, include, chunks, hb.raw);
    Bucket lb = locate(low.counts, hb.raw >= 0x8000 ? Order.DESCENDING : Order.ASCENDING,
        k - hb.below);

    int bits = (hb.raw << 16) | lb.raw;
    long below = hb.below + lb.below;
    if (bits == 0) {
      below -= low.negativeZeros; // -0.0 sorts just below +0.0 in raw order but is the same value
    }
    return new Result((bits & 0x7FFFFFFF) == 0 ? 0.0f : Float.intBitsToFloat(bits), below);
  }

  /**
   * The order this class ranks by, as an int key of a non-NaN float whose signed order is the float
   * order; both zeros map to 0. (Not used by the passes; it states the order for tests.)
   */
  static int key(float x) {
    int bits = Float.floatToRawIntBits(x);
    int sign = bits >> 31;
    return ((bits & 0x7FFFFFFF) ^ sign) - sign;
  }

  /** Inverse of {@link #key}; key 0 is {@code +0.0}. */
  static float fromKey(int key) {
    return key >= 0 ? Float.intBitsToFloat(key) : Float.intBitsToFloat(-key | Integer.MIN_VALUE);
  }

  /** Entries {@code [from, to)} of one input array. */
  private record Segment(int array, int from, int to) {}

  /** A contiguous range of the concatenated input. */
  private record Chunk(List<Segment> segments) {}

  /** A bucket by its raw 16 bits, and how many values lie in buckets of smaller values. */
  private record Bucket(int raw, long below) {}

  /** Value order of the bins of a histogram indexed by raw 16-bit halves. */
  private enum Order {
    /** High halves: negative buckets 0xFFFF down to 0x8000, then 0x0000 up to 0x7FFF. */
    HIGH_HALVES,
    /** Low halves of a positive bucket. */
    ASCENDING,
    /** Low halves of a negative bucket: a larger magnitude is a smaller value. */
    DESCENDING;

    int raw(int i) {
      return switch (this) {
        case HIGH_HALVES -> i < 0x8000 ? 0xFFFF - i : i - 0x8000;
        case ASCENDING -> i;
        case DESCENDING -> 0xFFFF - i;
      };
    }
  }

  /** Bucket holding rank k, and how many values lie in buckets of smaller values. */
  private static Bucket locate(long[] counts, Order order, long k) {
    long below = 0;
    for (int i = 0; i < BINS; i++) {
      int raw = order.raw(i);
      if (k < below + counts[raw]) {
        return new Bucket(raw, below);
      }
      below += counts[raw];
    }
    throw new IllegalStateException("rank " + k + " not in histogram of " + below + " values");
  }

  /**
   * The concatenated input cut into equal contiguous ranges, one per thread (more only when a range
   * would pass {@link #MAX_CHUNK}), each as the array segments it covers. Per-tensor pieces of
   * unequal sizes, each counted into a histogram of its own, were 18–28 % slower at 10 M–355 M
   * (measured in one JVM, alternating calls).
   */
  private static List<Chunk> chunks(List<float[]> arrays) {
    long total = 0;
    for (float[] a : arrays) {
      total += a.length;
    }
    int count = total < PARALLEL_THRESHOLD ? 1
        : (int) Math.max(Runtime.getRuntime().availableProcessors(), (total + MAX_CHUNK - 1) / MAX_CHUNK);
    List<Chunk> chunks = new ArrayList<>(count);
    int array = 0;
    long arrayStart = 0;
    for (int c = 0; c < count; c++) {
      long from = total * c / count;
      long to = total * (c + 1) / count;
      List<Segment> segments = new ArrayList<>();
      while (from < to) {
        while (from >= arrayStart + arrays.get(array).length) {
          arrayStart += arrays.get(array++).length; // skips empty arrays too
        }
        long end = Math.min(to, arrayStart + arrays.get(array).length);
        segments.add(new Segment(array, (int) (from - arrayStart), (int) (end - arrayStart)));
        from = end;
      }
      chunks.add(new Chunk(segments));
    }
    return chunks;
  }

  /**
   * Histogram over all chunks: of the raw high 16 bits when {@code highBucket < 0}, else of the
   * raw low 16 bits of the values whose raw high bits equal {@code highBucket}.
   */
  private static Histogram count(
      List<float[]> arrays, List<boolean[]> include, List<Chunk> chunks, int highBucket) {
    var stream = IntStream.range(0, chunks.size());
    List<ChunkCount> counted = (chunks.size() > 1 ? stream.parallel() : stream)
        .mapToObj(c -> ChunkCount.of(arrays, include, chunks.get(c), highBucket))
        .toList();
    Histogram total = new Histogram();
    for (ChunkCount c : counted) {
      total.add(c);
    }
    return total;
  }

  /** Counts of all chunks, and what the passes found beside them. */
  private static final class Histogram {
    final long[] counts = new long[BINS];
    boolean nanSeen;
    /** Count of considered {@code -0.0}, kept only in the low pass of bucket 0x0000. */
    long negativeZeros;

    void add(ChunkCount c) {
      for (int b = 0; b < BINS; b++) {
        counts[b] += c.counts[b];
      }
      nanSeen |= c.nanSeen;
      negativeZeros += c.negativeZeros;
    }
  }

  /** One chunk's histogram; int counts suffice, a chunk holding at most {@link #MAX_CHUNK} values. */
  private static final class ChunkCount {
    final int[] counts = new int[BINS];
    boolean nanSeen;
    long negativeZeros;

    static ChunkCount of(List<float[]> arrays, List<boolean[]> include, Chunk chunk, int highBucket) {
      ChunkCount c = new ChunkCount();
      for (Segment s : chunk.segments) {
        c.add(arrays.get(s.array), include == null ? null : include.get(s.array), s.from, s.to,
            highBucket);
      }
      if (highBucket < 0) {
        c.nanSeen = hasNaN(c.counts, arrays, include, chunk);
      }
      return c;
    }

    private void add(float[] x, boolean[] mask, int from, int to, int highBucket) {
      int[] h = counts;
      // Masked entries add 0 instead of being skipped: a branch on a scattered mask mispredicts
      // (2x the CPU time, measured).
      if (highBucket < 0 && mask == null) {
        for (int i = from; i < to; i++) {
          h[Float.floatToRawIntBits(x[i]) >>> 16]++;
        }
      } else if (highBucket < 0) {
        for (int i = from; i < to; i++) {
          h[Float.floatToRawIntBits(x[i]) >>> 16] += mask[i] ? 1 : 0;
        }
      } else if (mask == null) {
        for (int i = from; i < to; i++) {
          int bits = Float.floatToRawIntBits(x[i]);
          if (bits >>> 16 == highBucket) {
            h[bits & 0xFFFF]++;
          }
        }
      } else {
        for (int i = from; i < to; i++) {
          int bits = Float.floatToRawIntBits(x[i]);
          // one rarely-taken branch: only the chosen bucket's (included) values are counted
          if (bits >>> 16 == highBucket & mask[i]) {
            h[bits & 0xFFFF]++;
          }
        }
      }
      if (highBucket == 0) {
        // a separate sweep, taken only when the answer is +0.0 or a tiny subnormal
        for (int i = from; i < to; i++) {
          negativeZeros += Float.floatToRawIntBits(x[i]) == Integer.MIN_VALUE
              && (mask == null || mask[i]) ? 1 : 0;
        }
      }
    }

    /**
     * Whether the chunk just counted into the high-half histogram {@code h} holds a considered NaN:
     * buckets above an infinity's hold only NaNs; an infinity's own bucket also holds NaNs, so the
     * chunk is scanned when that bucket is not empty.
     */
    private static boolean hasNaN(int[] h, List<float[]> arrays, List<boolean[]> include, Chunk chunk) {
      for (int b = POS_INF_HIGH + 1; b < 0x8000; b++) {
        if (h[b] != 0 || h[b | 0x8000] != 0) {
          return true;
        }
      }
      if (h[POS_INF_HIGH] == 0 && h[NEG_INF_HIGH] == 0) {
        return false;
      }
      for (Segment s : chunk.segments) {
        float[] x = arrays.get(s.array);
        boolean[] mask = include == null ? null : include.get(s.array);
        for (int i = s.from; i < s.to; i++) {
          if (Float.isNaN(x[i]) && (mask == null || mask[i])) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static IllegalArgumentException nanError(List<float[]> arrays, List<boolean[]> include) {
    for (int a = 0; a < arrays.size(); a++) {
      float[] x = arrays.get(a);
      boolean[] mask = include == null ? null : include.get(a);
      for (int i = 0; i < x.length; i++) {
        if (Float.isNaN(x[i]) && (mask == null || mask[i])) {
          return new IllegalArgumentException(
              "NaN at index " + i + " of array " + a + ": NaN has no rank");
        }
      }
    }
    return new IllegalArgumentException("NaN in input");
  }
}
