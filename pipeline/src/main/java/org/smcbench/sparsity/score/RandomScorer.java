package org.smcbench.sparsity.score;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.smcbench.model.PrunableTensor;

/**
 * Uniform [0, 1) scores. Each tensor's stream is seeded from (seed, tensor name) only, so a tensor
 * gets the same scores whatever else is in the scope and in whatever order. Ranking these scores
 * with an exact count gives a uniformly random mask of exactly that many pruned entries (the
 * reference's per-element Bernoulli only approximates the count).
 */
public final class RandomScorer implements Scorer {
  private final long seed;

  public RandomScorer(long seed) {
    this.seed = seed;
  }

  @Override
  public LinkedHashMap<String, float[]> score(List<PrunableTensor> scope) {
    float[][] values = new float[scope.size()][];
    IntStream.range(0, scope.size()).parallel().forEach(t -> values[t] =
        scores(seed, scope.get(t).name(), Math.toIntExact(scope.get(t).numel())));
    LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
    for (int t = 0; t < values.length; t++) {
      ScoreMaps.putUnique(out, scope.get(t).name(), values[t]);
    }
    return out;
  }

  /** The scores of one tensor: 24 random bits per value, so exactly representable in [0, 1). */
  public static float[] scores(long seed, String name, int numel) {
    SplittableRandom rng = new SplittableRandom(mix64(seed ^ mix64(fnv1a64(name))));
    float[] v = new float[numel];
    for (int i = 0; i < numel; i++) {
      v[i] = (rng.nextInt() >>> 8) * 0x1.0p-24f;
    }
    return v;
  }

  private static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's finalizer: spreads nearby inputs (seeds 1, 2, 3) to unrelated states. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
