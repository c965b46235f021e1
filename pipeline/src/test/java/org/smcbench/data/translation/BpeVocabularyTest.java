package org.smcbench.data.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BpeVocabularyTest {
  static final String M = MetaspacePreTokenizer.REPLACEMENT;

  @Test
  void mbartLayout() {
    BpeVocabulary v = BpeVocabulary.learn(BpeLearnerTest.paperCounts(), List.of("en_XX", "fr_XX", "cs_CZ"), 1000);
    assertEquals(List.of("<s>", "<pad>", "</s>", "<unk>", "d", "e"), v.tokens().subList(0, 6));
    assertEquals(List.of(0, 1, 2, 3), List.of(v.bosId(), v.padId(), v.eosId(), v.unkId()));
    assertEquals(26, v.subwordCount(), "11 characters and 15 merges");
    assertEquals(30, v.languageId("en_XX"));
    assertEquals(31, v.languageId("fr_XX"));
    assertEquals(32, v.languageId("cs_CZ"));
    assertEquals(33, v.maskId());
    assertEquals(34, v.size());
    assertEquals("<mask>", v.tokens().get(33));
    assertEquals(M + "lower", v.tokens().get(29));
    assertTrue(v.isSpecial(3) && v.isSpecial(30) && v.isSpecial(33));
    assertFalse(v.isSpecial(4) || v.isSpecial(29));
    assertEquals(List.of("en_XX", "fr_XX", "cs_CZ"), List.copyOf(v.languageIds().keySet()));
    assertThrows(IllegalArgumentException.class, () -> v.languageId("de_DE"));
  }

  @Test
  void theVocabularySizeCountsSpecialsAndLanguages() {
    // 4 specials + 11 characters + 5 merges + 2 languages + <mask>.
    BpeVocabulary v = BpeVocabulary.learn(BpeLearnerTest.paperCounts(), List.of("en_XX", "fr_XX"), 23);
    assertEquals(23, v.size());
    assertEquals(5, v.merges().size());
    assertEquals(M + "low", v.tokens().get(19));
  }

  @Test
  void languageCodesMustBeDistinctAndNotSpecials() {
    assertThrows(IllegalArgumentException.class,
        () -> BpeVocabulary.learn(BpeLearnerTest.paperCounts(), List.of("en_XX", "en_XX"), 100));
    assertThrows(IllegalArgumentException.class,
        () -> BpeVocabulary.learn(BpeLearnerTest.paperCounts(), List.of("<mask>"), 100));
  }
}
