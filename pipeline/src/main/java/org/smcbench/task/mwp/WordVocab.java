package org.smcbench.task.mwp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input words of the encoder, built from the train split: {@code <pad>} 0, {@code <unk>} 1 (words
 * seen fewer than min-count times, or never), {@code NUM} 2 (every quantity placeholder, as in GTS,
 * which replaces numbers by one token and copies their encoder states), then words by first
 * appearance.
 */
public final class WordVocab implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int PAD = 0;
  public static final int UNK = 1;
  public static final int NUM = 2;
  static final List<String> SPECIALS = List.of("<pad>", "<unk>", "NUM");

  private final List<String> words;
  private transient Map<String, Integer> index;

  public WordVocab(List<String> words) {
    this.words = List.copyOf(words);
    if (words.size() < SPECIALS.size() || !words.subList(0, SPECIALS.size()).equals(SPECIALS)) {
      throw new IllegalArgumentException("a word vocabulary starts with " + SPECIALS);
    }
  }

  /** Words of {@code sentences} seen at least {@code minCount} times; placeholders become NUM. */
  public static WordVocab build(List<List<String>> sentences, int minCount) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (List<String> sentence : sentences) {
      for (String w : sentence) {
        if (!isPlaceholder(w)) {
          counts.merge(w, 1, Integer::sum);
        }
      }
    }
    List<String> words = new ArrayList<>(SPECIALS);
    counts.forEach((w, c) -> {
      if (c >= minCount && !SPECIALS.contains(w)) {
        words.add(w);
      }
    });
    return new WordVocab(words);
  }

  public List<String> words() {
    return words;
  }

  public int size() {
    return words.size();
  }

  public int[] encode(List<String> sentence) {
    if (index == null) {
      Map<String, Integer> built = new HashMap<>(words.size() * 2);
      for (int i = 0; i < words.size(); i++) {
        built.put(words.get(i), i);
      }
      index = built;
    }
    int[] ids = new int[sentence.size()];
    for (int i = 0; i < ids.length; i++) {
      String w = sentence.get(i);
      ids[i] = isPlaceholder(w) ? NUM : index.getOrDefault(w, UNK);
    }
    return ids;
  }

  /** {@code number0}-style quantity placeholders of the question text. */
  static boolean isPlaceholder(String w) {
    return w.startsWith("number") && OutputVocab.quantitySlot(w) >= 0;
  }
}
