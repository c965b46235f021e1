package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BpeLearnerTest {
  static final String M = MetaspacePreTokenizer.REPLACEMENT;

  /** Sennrich et al.'s example: low ×5, lower ×2, newest ×6, widest ×3, as Metaspace words. */
  static Map<String, Long> paperCounts() {
    return Map.of(M + "low", 5L, M + "lower", 2L, M + "newest", 6L, M + "widest", 3L);
  }

  static List<String> merged(LearnedBpe bpe) {
    return bpe.merges().stream().map(m -> m.left() + " " + m.right()).toList();
  }

  @Test
  void paperCorpusLearnsTheHandComputedMerges() {
    LearnedBpe bpe = new BpeLearner().learn(paperCounts(), 1000, Set.of());
    // es and st both occur 9 times: the tie goes to the smaller left token, e.
    assertEquals(List.of("e s", "es t", "l o", "lo w", M + " low", "e w", "ew est", "n ewest", M + " newest",
        "d est", "i dest", "w idest", M + " widest", "e r", M + "low er"), merged(bpe));
    List<String> expected = new ArrayList<>(List.of("d", "e", "i", "l", "n", "o", "r", "s", "t", "w", M));
    for (String m : merged(bpe)) {
      expected.add(m.replace(" ", ""));
    }
    assertEquals(expected, bpe.tokens());
  }

  @Test
  void stopsAtTheTokenBudget() {
    LearnedBpe bpe = new BpeLearner().learn(paperCounts(), 11 + 5, Set.of());
    assertEquals(List.of("e s", "es t", "l o", "lo w", M + " low"), merged(bpe));
    assertEquals(16, bpe.tokens().size());
  }

  @Test
  void stopsWhenNoPairIsFrequentEnough() {
    LearnedBpe bpe = new BpeLearner(3, 1).learn(paperCounts(), 1000, Set.of());
    assertEquals(13, bpe.merges().size(), "the pairs of 'lower' alone occur only twice");
    assertEquals(M + " widest", merged(bpe).get(12));
  }

  @Test
  void rareCharactersStayOutOfTheAlphabetAndOfEveryPair() {
    LearnedBpe bpe = new BpeLearner(2, 3).learn(paperCounts(), 1000, Set.of());
    assertFalse(bpe.tokens().contains("r"));
    assertFalse(bpe.tokens().stream().anyMatch(t -> t.contains("r")));
    assertEquals(M + "low e", merged(bpe).get(merged(bpe).size() - 1));
  }

  @Test
  void theSameCountsInAnyMapOrderLearnTheSameMerges() {
    Map<String, Long> counts = syntheticCounts(5_000, 7);
    LearnedBpe fromHash = new BpeLearner().learn(new HashMap<>(counts), 800, Set.of());
    Map<String, Long> reversed = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(new TreeMap<>(counts).keySet());
    Collections.reverse(keys);
    keys.forEach(k -> reversed.put(k, counts.get(k)));
    LearnedBpe fromReversed = new BpeLearner().learn(reversed, 800, Set.of());
    assertEquals(fromHash, fromReversed);
    assertEquals(800, fromHash.tokens().size());
  }

  @Test
  void noMergeMakesAReservedToken() {
    LearnedBpe bpe = new BpeLearner().learn(Map.of(M + "xen_XX", 10L), 1000, Set.of("en_XX"));
    assertFalse(bpe.tokens().contains("en_XX"));
    assertEquals(List.of("X X", "_ XX", "e n", "x en", "xen _XX", M + " xen_XX"), merged(bpe));
  }

  @Test
  void twoPairsMakingOneTokenGiveOneVocabularyEntry() {
    // abc is made from "ab c" in one word and "a bc" in the other.
    Map<String, Long> counts = Map.of(M + "ab", 9L, M + "abc", 4L, M + "bc", 8L, M + "xabc", 3L);
    LearnedBpe bpe = new BpeLearner(1, 1).learn(counts, 1000, Set.of());
    assertEquals(bpe.tokens().size(), Set.copyOf(bpe.tokens()).size());
    assertEquals(bpe.merges().size(), Set.copyOf(bpe.merges()).size());
    assertTrue(merged(bpe).contains("ab c"));
  }

  @Test
  void anAlphabetLargerThanTheBudgetIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BpeLearner().learn(paperCounts(), 5, Set.of()));
  }

  /** A micro bench, printed rather than asserted: 8,000 merges over 100,000 word types. */
  @Test
  void eightThousandMergesOverAHundredThousandWordTypes() {
    Map<String, Long> counts = syntheticCounts(100_000, 1);
    new BpeLearner().learn(syntheticCounts(10_000, 2), 1_000, Set.of()); // warm-up
    long start = System.nanoTime();
    LearnedBpe bpe = new BpeLearner().learn(counts, 8_000, Set.of());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("BPE bench: %d word types, %d merges in %.2f s (%.0f merges/s)%n", counts.size(),
        bpe.merges().size(), seconds, bpe.merges().size() / seconds);
    assertEquals(8_000, bpe.tokens().size());
  }

  /** Zipf-distributed counts over distinct pseudo-words of Latin letters with skewed letter frequencies. */
  static Map<String, Long> syntheticCounts(int types, long seed) {
    Random random = new Random(seed);
    String letters = "eeeeeeaaaaaiiiiooooonnnnsssrrrttlldcumpvgbfhqyjxzkw";
    List<String> words = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (words.size() < types) {
      int length = 1 + random.nextInt(4) + random.nextInt(6);
      StringBuilder w = new StringBuilder(M);
      for (int i = 0; i < length; i++) {
        w.append(letters.charAt(random.nextInt(letters.length())));
      }
      if (seen.add(w.toString())) {
        words.add(w.toString());
      }
    }
    Map<String, Long> counts = new HashMap<>();
    for (int rank = 0; rank < words.size(); rank++) {
      counts.put(words.get(rank), Math.max(1L, 2_000_000L / (rank + 1)));
    }
    return counts;
  }
}
