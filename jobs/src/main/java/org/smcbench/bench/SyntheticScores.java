package org.smcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded |N(0,1)| magnitude scores split into tensors shaped like a 1024-wide transformer's weight
 * matrices, so the selection sees the array layout a real model gives it.
 */
public final class SyntheticScores {
  static final int MI = 1 << 20;
  /** One embedding-sized tensor first, then per layer four 1024×1024 attention and two 1024×4096 FFN matrices. */
  private static final int EMBEDDING = 16 * MI;
  private static final int[] LAYER = {MI, MI, MI, MI, 4 * MI, 4 * MI};

  private SyntheticScores() {}

  /** Tensor sizes summing to n; the last takes the remainder. */
  public static List<Integer> tensorSizes(long n) {
    List<Integer> sizes = new ArrayList<>();
    long left = n;
    for (int t = 0; left > 0; t++) {
      int size = (int) Math.min(left, t == 0 ? EMBEDDING : LAYER[(t - 1) % LAYER.length]);
      sizes.add(size);
      left -= size;
    }
    return sizes;
  }

  /**
   * The scores, deterministic in (n, seed): each tensor draws from its own generator, split from
   * one root in tensor order, so filling them in parallel changes nothing.
   */
  public static List<float[]> generate(long n, long seed) {
    List<Integer> sizes = tensorSizes(n);
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] rngs = new SplittableRandom[sizes.size()];
    List<float[]> tensors = new ArrayList<>(sizes.size());
    for (int t = 0; t < sizes.size(); t++) {
      rngs[t] = root.split();
      tensors.add(new float[sizes.get(t)]);
    }
    IntStream.range(0, tensors.size()).parallel().forEach(t -> {
      float[] x = tensors.get(t);
      SplittableRandom rng = rngs[t];
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.abs((float) rng.nextGaussian());
      }
    });
    return tensors;
  }

  /** Writes the tensors back to back as raw little-endian float32 (numpy dtype {@code <f4}), synced. */
  public static void writeLittleEndian(List<float[]> tensors, Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocateDirect(4 * MI).order(ByteOrder.LITTLE_ENDIAN);
    FloatBuffer floats = bytes.asFloatBuffer();
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      for (float[] x : tensors) {
        for (int from = 0; from < x.length; ) {
          int len = Math.min(floats.capacity(), x.length - from);
          floats.clear();
          floats.put(x, from, len);
          bytes.clear().limit(4 * len);
          while (bytes.hasRemaining()) {
            out.write(bytes);
          }
          from += len;
        }
      }
      out.force(false); // on disk before anything is timed
    }
  }
}
