package org.smcbench.pretrain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * mBART's noise function (Liu et al., 2020, §2.1; fairseq's {@code DenoisingDataset}): the order of
 * a document's sentences is permuted, then spans of tokens are masked until {@code maskRatio} of
 * them are covered, span lengths drawn from Poisson(λ = 3.5), each span replaced by one
 * {@code <mask>}. The model reconstructs the original document.
 *
 * <p>Differences from fairseq, kept small on purpose: spans start at any subword token (fairseq
 * starts them at word starts of its sentencepiece vocabulary), zero-length spans are redrawn rather
 * than inserting a {@code <mask>}, and no masked token is replaced by a random one (mBART: none).
 */
public final class DenoisingNoise {
  public static final double POISSON_LAMBDA = 3.5;

  private DenoisingNoise() {}

  /** A document's sentences (token ids, no specials) in a random order, concatenated. */
  public static int[] permuteSentences(List<int[]> sentences, SplittableRandom rng) {
    List<int[]> order = new ArrayList<>(sentences);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int[] t = order.get(i);
      order.set(i, order.get(j));
      order.set(j, t);
    }
    return concat(order);
  }

  /**
   * {@code tokens} with spans masked: at least {@code round(maskRatio × length)} tokens covered
   * (exactly that many unless the last span is cut at the end), each maximal masked run replaced by
   * one {@code maskId}.
   */
  public static int[] maskSpans(int[] tokens, double maskRatio, int maskId, SplittableRandom rng) {
    int n = tokens.length;
    int target = (int) Math.round(maskRatio * n);
    boolean[] masked = new boolean[n];
    int covered = 0;
    while (covered < target) {
      int length = Math.min(poisson(rng), target - covered);
      int start = rng.nextInt(n);
      for (int i = start; i < Math.min(n, start + length); i++) {
        if (!masked[i]) {
          masked[i] = true;
          covered++;
        }
      }
    }
    int[] out = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (!masked[i]) {
        out[size++] = tokens[i];
      } else if (i == 0 || !masked[i - 1]) {
        out[size++] = maskId;
      }
    }
    return java.util.Arrays.copyOf(out, size);
  }

  /** A Poisson(λ) draw of at least 1 (Knuth's method; λ is small). */
  static int poisson(SplittableRandom rng) {
    while (true) {
      double limit = Math.exp(-POISSON_LAMBDA);
      double p = 1;
      int k = 0;
      do {
        k++;
        p *= rng.nextDouble();
      } while (p > limit);
      if (k - 1 >= 1) {
        return k - 1;
      }
    }
  }

  static int[] concat(List<int[]> parts) {
    int total = parts.stream().mapToInt(p -> p.length).sum();
    int[] out = new int[total];
    int at = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
