package org.smcbench.bench;

import java.util.List;

/**
 * The memory-bandwidth floor of one pass over the scores: a parallel streaming read of every value
 * (an int sum of the raw bits, which the JIT vectorises) on the same threads as the selection.
 * An exact histogram selection reads the input twice, so {@code ours / read} near 2 means the
 * selection runs at the machine's read bandwidth and only fewer passes could be faster.
 */
final class StreamingRead {
  private StreamingRead() {}

  /** Median milliseconds of {@code repeats} reads, after one untimed read. */
  static double ms(List<float[]> tensors, int repeats) {
    read(tensors);
    double[] ms = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      read(tensors);
      ms[r] = (System.nanoTime() - start) / 1e6;
    }
    return ThresholdBench.median(ms);
  }

  /** Chunk length: tensors are split like the selection splits them, so one big tensor is not one thread. */
  private static final int CHUNK = 1 << 22;

  private record Chunk(float[] x, int from, int to) {}

  /** Sum of the raw bits (returned so the JIT cannot drop the loop). */
  static long read(List<float[]> tensors) {
    List<Chunk> chunks = new java.util.ArrayList<>();
    for (float[] x : tensors) {
      for (int from = 0; from < x.length; from += CHUNK) {
        chunks.add(new Chunk(x, from, Math.min(x.length, from + CHUNK)));
      }
    }
    return chunks.parallelStream().mapToLong(c -> sum(c.x, c.from, c.to)).sum();
  }

  private static long sum(float[] x, int from, int to) {
    int s = 0;
    for (int i = from; i < to; i++) {
      s += Float.floatToRawIntBits(x[i]);
    }
    return s;
  }
}
