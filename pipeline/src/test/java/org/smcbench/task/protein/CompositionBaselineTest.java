package org.smcbench.task.protein;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smcbench.data.protein.EsmAlphabet;

class CompositionBaselineTest {
  /** The 18 standard residues other than K and E, for background. */
  private static final String BACKGROUND = EsmAlphabet.STANDARD.replace("K", "").replace("E", "");

  @Test
  void compositionCountsStandardResiduesOverTheWholeLength() {
    double[] f = CompositionBaseline.composition("KKAEXX");
    double[] expected = new double[20];
    expected[EsmAlphabet.STANDARD.indexOf('K')] = 2 / 6.0;
    expected[EsmAlphabet.STANDARD.indexOf('A')] = 1 / 6.0;
    expected[EsmAlphabet.STANDARD.indexOf('E')] = 1 / 6.0;
    assertArrayEquals(expected, f, 1e-15);
    assertThrows(IllegalArgumentException.class, () -> CompositionBaseline.composition(""));
  }

  /** A shuffled sequence of {@code length} residues with the given numbers of K and E (and W). */
  private static String sequence(Random rng, int length, int k, int e, int w) {
    List<Character> residues = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      residues.add('K');
    }
    for (int i = 0; i < e; i++) {
      residues.add('E');
    }
    for (int i = 0; i < w; i++) {
      residues.add('W');
    }
    while (residues.size() < length) {
      residues.add(BACKGROUND.charAt(rng.nextInt(BACKGROUND.length())));
    }
    java.util.Collections.shuffle(residues, rng);
    StringBuilder s = new StringBuilder();
    residues.forEach(s::append);
    return s.toString();
  }

  /** Class 1 has more K than E, class 0 more E than K (class 2, when asked, many W). */
  private record Labelled(List<String> sequences, int[] labels) {
    static Labelled make(long seed, int n, int classes) {
      Random rng = new Random(seed);
      List<String> seqs = new ArrayList<>();
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = i % classes;
        int length = 80 + rng.nextInt(60);
        int low = 2 + rng.nextInt(4);
        int high = low + 6 + rng.nextInt(6);
        seqs.add(switch (labels[i]) {
          case 0 -> sequence(rng, length, low, high, 0);
          case 1 -> sequence(rng, length, high, low, 0);
          default -> sequence(rng, length, low, low, high + 10);
        });
      }
      return new Labelled(seqs, labels);
    }
  }

  @Test
  void kVersusEIsLearnedExactly() {
    Labelled train = Labelled.make(1, 200, 2);
    Labelled eval = Labelled.make(2, 100, 2);
    assertEquals(1.0, CompositionBaseline.classificationAccuracy(train.sequences(), train.labels(), 2,
        eval.sequences(), eval.labels()));
  }

  @Test
  void threeClassesToo() {
    Labelled train = Labelled.make(3, 300, 3);
    Labelled eval = Labelled.make(4, 150, 3);
    assertEquals(1.0, CompositionBaseline.classificationAccuracy(train.sequences(), train.labels(), 3,
        eval.sequences(), eval.labels()));
  }

  @Test
  void classificationIsDeterministic() {
    Labelled train = Labelled.make(5, 120, 2);
    Labelled eval = Labelled.make(6, 60, 2);
    // Flip a fifth of the eval labels so the accuracy is not trivially 1.
    int[] noisy = eval.labels().clone();
    for (int i = 0; i < noisy.length; i += 5) {
      noisy[i] = 1 - noisy[i];
    }
    double first = CompositionBaseline.classificationAccuracy(train.sequences(), train.labels(), 2, eval.sequences(), noisy);
    assertEquals(first, CompositionBaseline.classificationAccuracy(train.sequences(), train.labels(), 2,
        eval.sequences(), noisy));
    assertEquals(0.8, first, 1e-12);
  }

  @Test
  void regressionFollowsLysineFrequency() {
    Random rng = new Random(7);
    List<String> train = new ArrayList<>();
    List<String> eval = new ArrayList<>();
    double[] trainTargets = new double[300];
    double[] evalTargets = new double[100];
    for (int i = 0; i < 400; i++) {
      String s = sequence(rng, 100, rng.nextInt(30), rng.nextInt(10), 0);
      double target = 10 * CompositionBaseline.composition(s)[EsmAlphabet.STANDARD.indexOf('K')]
          + 0.05 * rng.nextGaussian();
      if (i < 300) {
        train.add(s);
        trainTargets[i] = target;
      } else {
        eval.add(s);
        evalTargets[i - 300] = target;
      }
    }
    double rho = CompositionBaseline.regressionSpearman(train, trainTargets, eval, evalTargets);
    assertTrue(rho > 0.95, "rho " + rho);
  }

  @Test
  void rejectsMismatchedInput() {
    List<String> seqs = List.of("MKV", "MEV");
    assertThrows(IllegalArgumentException.class,
        () -> CompositionBaseline.classificationAccuracy(seqs, new int[] {0}, 2, seqs, new int[] {0, 1}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CompositionBaseline.classificationAccuracy(seqs, new int[] {0, 2}, 2, seqs, new int[] {0, 1}));
    assertEquals("train label 1 is 2, not in 0..1", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> CompositionBaseline.regressionSpearman(seqs, new double[] {1, 2}, List.of(), new double[0]));
  }
}
