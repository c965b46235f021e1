package org.smcbench.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smcbench.data.protein.EsmAlphabet;

/** BERT / ESM masking statistics over many sequences: 15 % chosen, then 80 / 10 / 10. */
class MlmMaskingTest {
  @Test
  void chosenShareAndReplacementSplitMatchTheRecipe() {
    SplittableRandom rng = new SplittableRandom(3);
    int[] tokens = EsmAlphabet.encode("MKTAYIAKQRQISFVKSHFSRQLEERLGLIEVQAPILSRVGDGTQDNLSGAEKAVQVKVKALPDAQFEVVHSLAKWKRQTLGQHDFSAGEGLYTHMKALRPDEDRLSPLHSVYVDQWDWERVMGDGERQFSTLKSTVEAIWAGIKATEAAVSEEFGLAPFLPDQIHFVHSQELLSRYPDLDAKGRERAIAKDLGAVFLVGIGGKLSDGHRHDVRAPDYDDWUTPGK", 0);
    long residues = 0;
    long chosen = 0;
    long masked = 0;
    long kept = 0;
    long random = 0;
    for (int round = 0; round < 2000; round++) {
      MlmMasking.Masked m = MlmMasking.mask(tokens, 0.15, rng);
      assertEquals(MlmMasking.IGNORE, m.labels()[0]);
      assertEquals(EsmAlphabet.CLS, m.input()[0]);
      assertEquals(MlmMasking.IGNORE, m.labels()[tokens.length - 1]);
      assertEquals(EsmAlphabet.EOS, m.input()[tokens.length - 1]);
      for (int i = 1; i < tokens.length - 1; i++) {
        residues++;
        if (m.labels()[i] == MlmMasking.IGNORE) {
          assertEquals(tokens[i], m.input()[i], "an unchosen residue is never changed");
          continue;
        }
        chosen++;
        assertEquals(tokens[i], m.labels()[i], "the label is the original residue");
        if (m.input()[i] == EsmAlphabet.MASK) {
          masked++;
        } else if (m.input()[i] == tokens[i]) {
          kept++;
        } else {
          random++;
          assertTrue(m.input()[i] >= EsmAlphabet.FIRST_STANDARD && m.input()[i] <= EsmAlphabet.LAST_STANDARD);
        }
      }
    }
    assertEquals(0.15, (double) chosen / residues, 0.003);
    assertEquals(0.80, (double) masked / chosen, 0.01);
    // A random residue equals the original 1 time in 20, so "kept" is 10 % + 10 % / 20.
    assertEquals(0.10 + 0.10 / 20, (double) kept / chosen, 0.01);
    assertEquals(0.10 * 19 / 20, (double) random / chosen, 0.01);
  }

  @Test
  void theSameGeneratorStateGivesTheSameMask() {
    int[] tokens = EsmAlphabet.encode("MKTAYIAKQRQISFVKSHFSRQLEERLGLIEVQ", 0);
    MlmMasking.Masked a = MlmMasking.mask(tokens, 0.5, new SplittableRandom(11));
    MlmMasking.Masked b = MlmMasking.mask(tokens, 0.5, new SplittableRandom(11));
    assertEquals(java.util.Arrays.toString(a.input()), java.util.Arrays.toString(b.input()));
    assertEquals(java.util.Arrays.toString(a.labels()), java.util.Arrays.toString(b.labels()));
  }
}
