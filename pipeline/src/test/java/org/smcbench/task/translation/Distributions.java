package org.smcbench.task.translation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Next-token distributions for {@link ToyDecoder}s. */
final class Distributions {
  private Distributions() {}

  /** Log-probabilities of the given probabilities, as float like a model's. */
  static float[] log(double... probabilities) {
    float[] lp = new float[probabilities.length];
    for (int i = 0; i < lp.length; i++) {
      lp[i] = (float) Math.log(probabilities[i]);
    }
    return lp;
  }

  /**
   * A seeded random log-softmax per (sentence, prefix): logits are {@code scale} times standard
   * normals, plus {@code eosBias} on EOS.
   */
  static ToyDecoder.Distribution random(long seed, int vocab, int eos, double scale, double eosBias) {
    return (sentence, prefix) -> {
      Random random = new Random(seed * 1_000_003L + sentence * 7919L + Arrays.hashCode(prefix));
      double[] logits = new double[vocab];
      for (int v = 0; v < vocab; v++) {
        logits[v] = scale * random.nextGaussian() + (v == eos ? eosBias : 0);
      }
      double max = Arrays.stream(logits).max().orElseThrow();
      double sum = 0;
      for (double l : logits) {
        sum += Math.exp(l - max);
      }
      double logSum = max + Math.log(sum);
      float[] lp = new float[vocab];
      for (int v = 0; v < vocab; v++) {
        lp[v] = (float) Math.min(0, logits[v] - logSum);
      }
      return lp;
    };
  }

  /** A table from whole prefixes (prompt included) to distributions, with a default for the rest. */
  static final class Table implements ToyDecoder.Distribution {
    private final Map<List<Integer>, float[]> rows = new HashMap<>();
    private final float[] otherwise;

    Table(float[] otherwise) {
      this.otherwise = otherwise;
    }

    Table put(float[] logProbs, Integer... prefix) {
      rows.put(List.of(prefix), logProbs);
      return this;
    }

    @Override
    public float[] logProbs(int sentence, int[] prefix) {
      return rows.getOrDefault(Arrays.stream(prefix).boxed().toList(), otherwise);
    }

    /** The log-probability the table gives {@code token} after {@code prefix}. */
    float logProb(int token, Integer... prefix) {
      return logProbs(0, Arrays.stream(prefix).mapToInt(Integer::intValue).toArray())[token];
    }
  }
}
