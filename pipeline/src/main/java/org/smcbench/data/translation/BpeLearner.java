package org.smcbench.data.translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Byte-pair encoding learned from word counts (Sennrich et al. 2016), the words being Metaspace
 * pre-tokens so {@code ▁} marks where a word begins instead of an end-of-word suffix.
 *
 * <p>The base alphabet is every character (Unicode code point, as the tokenizers library's BPE
 * splits words) occurring at least {@code minCharacterCount} times, in code point order; rarer
 * characters are left out, so the tokenizer maps them to {@code <unk>}, and no merge spans them.
 * Then the most frequent adjacent pair is merged, repeatedly, until the token budget is reached or
 * no pair occurs {@code minPairFrequency} times. Ties go to the pair whose left token, then right
 * token, is smallest by {@link String#compareTo}, so the same counts always learn the same merges.
 *
 * <p>Pair counts are kept in an index (pair → count, pair → words containing it) and a merge only
 * revisits the words containing its pair; a priority queue holds upper bounds of the counts and is
 * corrected lazily when a stale entry reaches the top.
 */
public final class BpeLearner {
  private final long minPairFrequency;
  private final long minCharacterCount;

  /** Pairs must occur twice to be merged; every character seen is kept. */
  public BpeLearner() {
    this(2, 1);
  }

  public BpeLearner(long minPairFrequency, long minCharacterCount) {
    if (minPairFrequency < 1 || minCharacterCount < 1) {
      throw new IllegalArgumentException("minimum frequencies must be at least 1");
    }
    this.minPairFrequency = minPairFrequency;
    this.minCharacterCount = minCharacterCount;
  }

  /**
   * Learns at most {@code tokenBudget} distinct tokens (alphabet included) from the counts. No merge
   * may make a token in {@code reserved} (the special and language tokens the vocabulary adds).
   */
  public LearnedBpe learn(Map<String, Long> wordCounts, int tokenBudget, Set<String> reserved) {
    Symbols symbols = new Symbols(alphabet(wordCounts));
    if (symbols.size() > tokenBudget) {
      throw new IllegalArgumentException("the alphabet alone has " + symbols.size() + " characters, more than the "
          + tokenBudget + " tokens left for subwords; raise the vocabulary size or minCharacterCount");
    }
    Corpus corpus = new Corpus(wordCounts, symbols);
    List<LearnedBpe.Merge> merges = new ArrayList<>();
    Set<Long> merged = new HashSet<>();
    while (symbols.size() < tokenBudget) {
      Corpus.Candidate best = corpus.pollMostFrequent();
      if (best == null || best.count() < minPairFrequency) {
        break;
      }
      String left = symbols.token(Corpus.left(best.pair()));
      String right = symbols.token(Corpus.right(best.pair()));
      if (reserved.contains(left + right)) {
        corpus.ban(best.pair());
        continue;
      }
      // Two different pairs can make the same token ("a"+"bc", "ab"+"c"): it keeps its first id.
      int made = symbols.idOf(left + right);
      if (merged.add(best.pair())) {
        merges.add(new LearnedBpe.Merge(left, right));
      }
      corpus.merge(best.pair(), made);
    }
    return new LearnedBpe(symbols.tokens, merges);
  }

  /** Characters kept, in code point order. */
  private int[] alphabet(Map<String, Long> wordCounts) {
    Map<Integer, Long> counts = new TreeMap<>();
    wordCounts.forEach((word, count) -> word.codePoints().forEach(cp -> counts.merge(cp, count, Long::sum)));
    return counts.entrySet().stream().filter(e -> e.getValue() >= minCharacterCount)
        .mapToInt(Map.Entry::getKey).toArray();
  }

  /** Token strings by id. */
  private static final class Symbols {
    final List<String> tokens = new ArrayList<>();
    final Map<String, Integer> ids = new HashMap<>();

    Symbols(int[] alphabet) {
      for (int cp : alphabet) {
        idOf(Character.toString(cp));
      }
    }

    int idOf(String token) {
      return ids.computeIfAbsent(token, t -> {
        tokens.add(t);
        return tokens.size() - 1;
      });
    }

    String token(int id) {
      return tokens.get(id);
    }

    int size() {
      return tokens.size();
    }
  }

  /** The distinct words as symbol ids, and the pair index over them. */
  private static final class Corpus {
    private static final int UNKNOWN = -1;

    record Candidate(long count, long pair) {}

    /** A pair's total count over the corpus and the words it was seen in (a superset, never missing one). */
    private static final class PairStats {
      final long pair;
      long count;
      int[] words = new int[2];
      int size;
      int touchedAt = -1; // the merge that last changed the count
      int grewAt = -1; // the merge that last raised it

      PairStats(long pair) {
        this.pair = pair;
      }

      /** No word has the pair any more (the entry stays, tables here never shrink). */
      void clear() {
        count = 0;
        words = new int[2];
        size = 0;
      }

      void addWord(int w) {
        if (size > 0 && words[size - 1] == w) {
          return;
        }
        if (size == words.length) {
          words = Arrays.copyOf(words, size * 2);
        }
        words[size++] = w;
      }
    }

    private final int[][] words;
    private final long[] frequencies;
    private final LongTable<PairStats> pairs = new LongTable<>(1 << 16);
    private final Set<Long> banned = new HashSet<>();
    private final PriorityQueue<Candidate> queue;
    private final List<PairStats> touched = new ArrayList<>();
    private int mergeCount;

    Corpus(Map<String, Long> wordCounts, Symbols symbols) {
      // Highest count first; ties by left then right token text.
      Comparator<Candidate> order = Comparator.<Candidate>comparingLong(c -> -c.count())
          .thenComparing(c -> symbols.token(left(c.pair())))
          .thenComparing(c -> symbols.token(right(c.pair())));
      queue = new PriorityQueue<>(order);
      String[] distinct = wordCounts.keySet().toArray(new String[0]);
      Arrays.sort(distinct); // word ids independent of the map's iteration order
      words = new int[distinct.length][];
      frequencies = new long[distinct.length];
      for (int w = 0; w < distinct.length; w++) {
        words[w] = distinct[w].codePoints().map(cp -> symbols.ids.getOrDefault(Character.toString(cp), UNKNOWN))
            .toArray();
        frequencies[w] = wordCounts.get(distinct[w]);
        int[] s = words[w];
        for (int i = 0; i + 1 < s.length; i++) {
          if (s[i] != UNKNOWN && s[i + 1] != UNKNOWN) {
            PairStats stats = pairs.getOrCreate(key(s[i], s[i + 1]), PairStats::new);
            stats.count += frequencies[w];
            stats.addWord(w);
          }
        }
      }
      pairs.forEachValue(stats -> queue.add(new Candidate(stats.count, stats.pair)));
    }

    /** The most frequent pair with its exact count, or null when no pair is left. */
    Candidate pollMostFrequent() {
      for (Candidate top = queue.poll(); top != null; top = queue.poll()) {
        if (banned.contains(top.pair())) {
          continue;
        }
        long current = pairs.get(top.pair()).count;
        if (current == top.count()) {
          return top;
        }
        // Counts only fall while an entry waits (rises are queued anew), so a stale top is an overestimate.
        if (current > 0) {
          queue.add(new Candidate(current, top.pair()));
        }
      }
      return null;
    }

    void ban(long pair) {
      banned.add(pair);
    }

    /**
     * Replaces every occurrence of {@code pair} by symbol {@code made} in the words containing it,
     * changing only the counts of the pairs around each occurrence.
     */
    void merge(long pair, int made) {
      PairStats merged = pairs.get(pair);
      int[] affected = Arrays.copyOf(merged.words, merged.size);
      merged.clear(); // no occurrence survives
      int a = left(pair);
      int b = right(pair);
      mergeCount++;
      for (int w : affected) {
        int[] s = words[w];
        long f = frequencies[w];
        int[] out = new int[s.length];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
          if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
            // The left neighbour is already rewritten, so in "a b a b" the second occurrence sees the first's symbol.
            if (n > 0 && out[n - 1] != UNKNOWN) {
              change(pair, out[n - 1], a, -f, w);
              change(pair, out[n - 1], made, f, w);
            }
            out[n++] = made;
            if (i + 2 < s.length && s[i + 2] != UNKNOWN) {
              change(pair, b, s[i + 2], -f, w);
              change(pair, made, s[i + 2], f, w);
            }
            i++;
          } else {
            out[n++] = s[i];
          }
        }
        if (n < s.length) {
          words[w] = Arrays.copyOf(out, n);
        }
      }
      // Clear the pairs no word has any more, queue the ones that grew; both only now, once every
      // word is rewritten, so a count passing through zero mid-merge keeps its word list.
      for (PairStats stats : touched) {
        if (stats.count <= 0) {
          stats.clear();
        } else if (stats.grewAt == mergeCount && !banned.contains(stats.pair)) {
          queue.add(new Candidate(stats.count, stats.pair));
        }
      }
      touched.clear();
    }

    private void change(long merged, int left, int right, long delta, int word) {
      long k = key(left, right);
      if (k == merged) {
        return; // "a a a" merging (a, a): that pair is gone already
      }
      PairStats stats = pairs.getOrCreate(k, PairStats::new);
      stats.count += delta;
      if (stats.touchedAt != mergeCount) {
        stats.touchedAt = mergeCount;
        touched.add(stats);
      }
      if (delta > 0) {
        stats.grewAt = mergeCount;
        stats.addWord(word);
      }
    }

    static long key(int a, int b) {
      return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    static int left(long pair) {
      return (int) (pair >>> 32);
    }

    static int right(long pair) {
      return (int) pair;
    }
  }
}
