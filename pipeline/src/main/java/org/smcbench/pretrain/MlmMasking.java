package org.smcbench.pretrain;

import java.util.SplittableRandom;
import org.smcbench.data.protein.EsmAlphabet;

/**
 * BERT / ESM masked-language-model corruption of one token sequence: every residue is chosen for
 * prediction with probability p (specials never are); a chosen residue becomes {@code <mask>} with
 * probability 0.8, a random standard residue with 0.1, and stays itself with 0.1. The labels hold
 * the original id at chosen positions and {@link #IGNORE} elsewhere.
 */
public final class MlmMasking {
  public static final int IGNORE = -1;

  /** The corrupted input and the prediction targets of one sequence. */
  public record Masked(int[] input, int[] labels) {}

  private MlmMasking() {}

  public static Masked mask(int[] tokens, double probability, SplittableRandom rng) {
    int[] input = tokens.clone();
    int[] labels = new int[tokens.length];
    java.util.Arrays.fill(labels, IGNORE);
    int standard = EsmAlphabet.LAST_STANDARD - EsmAlphabet.FIRST_STANDARD + 1;
    for (int i = 0; i < tokens.length; i++) {
      int t = tokens[i];
      if (t == EsmAlphabet.CLS || t == EsmAlphabet.EOS || t == EsmAlphabet.PAD || rng.nextDouble() >= probability) {
        continue;
      }
      labels[i] = t;
      double u = rng.nextDouble();
      if (u < 0.8) {
        input[i] = EsmAlphabet.MASK;
      } else if (u < 0.9) {
        input[i] = EsmAlphabet.FIRST_STANDARD + rng.nextInt(standard);
      }
    }
    return new Masked(input, labels);
  }
}
