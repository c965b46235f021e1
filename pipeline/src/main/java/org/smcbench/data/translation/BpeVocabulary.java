package org.smcbench.data.translation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A learned subword vocabulary in mBART's layout: {@code <s>}=0, {@code <pad>}=1, {@code </s>}=2,
 * {@code <unk>}=3 (fairseq's order), the learned subwords, the language tokens in the caller's order
 * (mBART-50 codes such as {@code en_XX}), and {@code <mask>} last.
 */
public final class BpeVocabulary {
  public static final String BOS = "<s>";
  public static final String PAD = "<pad>";
  public static final String EOS = "</s>";
  public static final String UNK = "<unk>";
  public static final String MASK = "<mask>";
  private static final List<String> LEADING_SPECIALS = List.of(BOS, PAD, EOS, UNK);

  private final List<String> tokens;
  private final List<LearnedBpe.Merge> merges;
  private final Map<String, Integer> languageIds;
  private final int subwordCount;

  private BpeVocabulary(LearnedBpe learned, List<String> languageCodes) {
    Set<String> reserved = reservedTokens(languageCodes);
    List<String> all = new ArrayList<>(LEADING_SPECIALS);
    for (String t : learned.tokens()) {
      if (reserved.contains(t)) {
        throw new IllegalArgumentException("learned subword '" + t + "' is a special or language token");
      }
      all.add(t);
    }
    this.subwordCount = learned.tokens().size();
    Map<String, Integer> languages = new LinkedHashMap<>();
    for (String code : languageCodes) {
      languages.put(code, all.size());
      all.add(code);
    }
    all.add(MASK);
    this.tokens = List.copyOf(all);
    this.merges = learned.merges();
    this.languageIds = Collections.unmodifiableMap(languages);
  }

  /** Learns a vocabulary of at most {@code vocabularySize} tokens in all, specials and languages included. */
  public static BpeVocabulary learn(Map<String, Long> wordCounts, List<String> languageCodes, int vocabularySize) {
    return learn(wordCounts, languageCodes, vocabularySize, new BpeLearner());
  }

  public static BpeVocabulary learn(Map<String, Long> wordCounts, List<String> languageCodes, int vocabularySize,
      BpeLearner learner) {
    int budget = vocabularySize - LEADING_SPECIALS.size() - languageCodes.size() - 1;
    return of(learner.learn(wordCounts, budget, reservedTokens(languageCodes)), languageCodes);
  }

  public static BpeVocabulary of(LearnedBpe learned, List<String> languageCodes) {
    return new BpeVocabulary(learned, languageCodes);
  }

  /** Every token the vocabulary adds around the learned subwords. */
  static Set<String> reservedTokens(List<String> languageCodes) {
    Set<String> reserved = new HashSet<>(LEADING_SPECIALS);
    reserved.add(MASK);
    for (String code : languageCodes) {
      if (!reserved.add(code)) {
        throw new IllegalArgumentException("language code '" + code + "' repeated or a special token");
      }
    }
    return reserved;
  }

  /** All tokens, index = id. */
  public List<String> tokens() {
    return tokens;
  }

  public List<LearnedBpe.Merge> merges() {
    return merges;
  }

  public int size() {
    return tokens.size();
  }

  /** Number of learned subword tokens (alphabet and merges), ids 4 to 3 + this. */
  public int subwordCount() {
    return subwordCount;
  }

  public int bosId() {
    return 0;
  }

  public int padId() {
    return 1;
  }

  public int eosId() {
    return 2;
  }

  public int unkId() {
    return 3;
  }

  public int maskId() {
    return tokens.size() - 1;
  }

  /** The language token's id; throws for a code the vocabulary was not built with. */
  public int languageId(String code) {
    Integer id = languageIds.get(code);
    if (id == null) {
      throw new IllegalArgumentException("no language token '" + code + "'; have " + languageIds.keySet());
    }
    return id;
  }

  /** Language code → id, in id order. */
  public Map<String, Integer> languageIds() {
    return languageIds;
  }

  /** Whether the id is one of the specials, a language token or {@code <mask>} (not a learned subword). */
  public boolean isSpecial(int id) {
    return id < LEADING_SPECIALS.size() || id >= LEADING_SPECIALS.size() + subwordCount;
  }

  /** Token → id for every token. */
  public Map<String, Integer> ids() {
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      ids.put(tokens.get(i), i);
    }
    return ids;
  }
}
