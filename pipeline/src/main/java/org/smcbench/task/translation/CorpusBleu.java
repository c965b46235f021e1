package org.smcbench.task.translation;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Corpus BLEU with sacreBLEU 2.6.0's semantics (tokenizers, closest reference length, clipping against
 * the per-n-gram maximum over references, smoothing, effective order), so a score here can be quoted
 * next to a sacreBLEU one with the same signature. The signature's version field reads
 * {@value #VERSION}: it implements 2.6.0's semantics, it is not sacreBLEU.
 *
 * <p>Segments are lowercased (when asked), right-stripped of Python whitespace and tokenized, hypotheses
 * and references alike. Unlike sacreBLEU, which silently truncates to the shorter input, hypotheses and
 * references of different lengths are rejected.
 */
public final class CorpusBleu implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The signature's version: sacreBLEU 2.6.0's semantics, implemented here. */
  public static final String VERSION = "2.6.0-smc";

  /** BLEU's n-gram order. */
  public static final int MAX_ORDER = 4;

  /** sacreBLEU's smoothing methods (Chen and Cherry, 2014), with their default values. */
  public enum Smoothing {
    /** No smoothing: any order without a match makes the score 0. */
    NONE("none", Double.NaN),
    /** A zero-match order counts {@code value} matches (method 1). */
    FLOOR("floor", 0.1),
    /** Orders 2..4 add {@code value} to matches and totals (method 2). */
    ADD_K("add-k", 1),
    /** mteval-v13a's: the k-th zero-match order gets precision 1 / (2^k total) (method 3); the default. */
    EXP("exp", Double.NaN);

    private final String id;
    private final double defaultValue;

    Smoothing(String id, double defaultValue) {
      this.id = id;
      this.defaultValue = defaultValue;
    }

    /** The name sacreBLEU uses ({@code none}, {@code floor}, {@code add-k}, {@code exp}). */
    public String id() {
      return id;
    }

    /** Whether the method takes a value (floor and add-k). */
    public boolean hasValue() {
      return !Double.isNaN(defaultValue);
    }

    public static Smoothing byId(String id) {
      for (Smoothing s : values()) {
        if (s.id.equals(id)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown smoothing '" + id + "', expected none, floor, add-k or exp");
    }
  }

  private final BleuTokenizer tokenizer;
  private final boolean lowercase;
  private final Smoothing smoothing;
  private final double smoothValue;
  private final boolean effectiveOrder;

  private CorpusBleu(Builder b) {
    this.tokenizer = b.tokenizer;
    this.lowercase = b.lowercase;
    this.smoothing = b.smoothing;
    this.smoothValue = Double.isNaN(b.smoothValue) ? b.smoothing.defaultValue : b.smoothValue;
    this.effectiveOrder = b.effectiveOrder;
  }

  /** sacreBLEU's corpus defaults: 13a, mixed case, exp smoothing, no effective order. */
  public static CorpusBleu defaults() {
    return builder().build();
  }

  /** The corpus defaults with the tokenizer {@link BleuTokenizers#forTarget} picks for the language. */
  public static CorpusBleu forTarget(String iso639_1) {
    return builder().tokenizer(BleuTokenizers.forTarget(iso639_1)).build();
  }

  /** sacreBLEU's {@code sentence_bleu} defaults: 13a, exp smoothing, effective order on. */
  public static CorpusBleu sentenceDefaults() {
    return builder().effectiveOrder(true).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Corpus BLEU of one reference per segment. */
  public BleuResult corpusScore(List<String> hypotheses, List<String> references) {
    checkSizes(hypotheses, references);
    BleuStats sum = BleuStats.zero();
    for (int i = 0; i < hypotheses.size(); i++) {
      sum = sum.plus(segmentStats(hypotheses.get(i), List.of(references.get(i))));
    }
    return score(sum, 1);
  }

  /**
   * Corpus BLEU with {@code references.get(i)} the references of segment i (one or more; the count may
   * vary, which the signature shows as {@code nrefs:var}).
   */
  public BleuResult corpusScoreMultiRef(List<String> hypotheses, List<? extends List<String>> references) {
    checkSizes(hypotheses, references);
    BleuStats sum = BleuStats.zero();
    for (int i = 0; i < hypotheses.size(); i++) {
      sum = sum.plus(segmentStats(hypotheses.get(i), references.get(i)));
    }
    return score(sum, commonCount(references));
  }

  /** BLEU of one segment, as sacreBLEU's {@code sentence_score}; pair with {@link #sentenceDefaults()}. */
  public BleuResult sentenceScore(String hypothesis, List<String> references) {
    return score(segmentStats(hypothesis, references), references.size());
  }

  /** The statistics of one segment against its references, to sum and pass to {@link #score}. */
  public BleuStats segmentStats(String hypothesis, List<String> references) {
    if (references.isEmpty()) {
      throw new IllegalArgumentException("a segment needs at least one reference");
    }
    List<Map<String, Integer>> refNgrams = null;
    long[] refLens = new long[references.size()];
    for (int k = 0; k < references.size(); k++) {
      List<String> tokens = PyText.split(preprocess(Objects.requireNonNull(references.get(k), "reference")));
      refLens[k] = tokens.size();
      List<Map<String, Integer>> ngrams = Ngrams.words(tokens, MAX_ORDER);
      if (refNgrams == null) {
        refNgrams = ngrams;
      } else {
        // Several references: each n-gram may be matched as often as the reference that has it most.
        for (int n = 0; n < MAX_ORDER; n++) {
          Map<String, Integer> into = refNgrams.get(n);
          ngrams.get(n).forEach((g, c) -> into.merge(g, c, Math::max));
        }
      }
    }
    List<String> hypTokens = PyText.split(preprocess(Objects.requireNonNull(hypothesis, "hypothesis")));
    List<Map<String, Integer>> hypNgrams = Ngrams.words(hypTokens, MAX_ORDER);
    long[] correct = new long[MAX_ORDER];
    long[] total = new long[MAX_ORDER];
    for (int n = 0; n < MAX_ORDER; n++) {
      total[n] = Ngrams.total(hypNgrams.get(n));
      correct[n] = Ngrams.matches(hypNgrams.get(n), refNgrams.get(n));
    }
    return new BleuStats(hypTokens.size(), closestRefLen(hypTokens.size(), refLens), correct, total);
  }

  /** The reference length nearest the hypothesis length; of two equally near, the shorter. */
  static long closestRefLen(long hypLen, long[] refLens) {
    long best = refLens[0];
    for (long len : refLens) {
      long d = Math.abs(hypLen - len);
      long bestD = Math.abs(hypLen - best);
      if (d < bestD || (d == bestD && len < best)) {
        best = len;
      }
    }
    return best;
  }

  /** BLEU from (summed) statistics; {@code nrefs} is for the signature, negative meaning a varying count. */
  public BleuResult score(BleuStats stats, int nrefs) {
    double bp = 1.0;
    if (stats.sysLen() < stats.refLen()) {
      bp = stats.sysLen() > 0 ? Math.exp(1 - (double) stats.refLen() / stats.sysLen()) : 0.0;
    }
    double[] precisions = new double[MAX_ORDER];
    String signature = signature(nrefs);
    long[] counts = stats.correct().clone();
    long[] totals = stats.total().clone();
    boolean anyMatch = false;
    for (long c : counts) {
      anyMatch |= c != 0;
    }
    // No match at any order is 0 whatever the smoothing (sacreBLEU issue #141).
    if (!anyMatch) {
      return new BleuResult(0.0, counts, totals, precisions, bp, stats.sysLen(), stats.refLen(), signature);
    }
    double smoothMteval = 1.0;
    int order = MAX_ORDER;
    for (int n = 1; n <= MAX_ORDER; n++) {
      double correct = counts[n - 1];
      double total = totals[n - 1];
      if (smoothing == Smoothing.ADD_K && n > 1) {
        correct += smoothValue;
        total += smoothValue;
      }
      // The orders from the first without any hypothesis n-gram on keep precision 0; without effective
      // order that zero enters the mean and the score is 0, even with smoothing.
      if (total == 0) {
        break;
      }
      if (effectiveOrder) {
        order = n;
      }
      if (correct == 0) {
        if (smoothing == Smoothing.EXP) {
          smoothMteval *= 2;
          precisions[n - 1] = 100. / (smoothMteval * total);
        } else if (smoothing == Smoothing.FLOOR) {
          precisions[n - 1] = 100. * smoothValue / total;
        }
      } else {
        precisions[n - 1] = 100. * correct / total;
      }
    }
    double logSum = 0;
    for (int i = 0; i < order; i++) {
      // sacreBLEU's floored log, so that a zero precision gives exp(-huge) = 0 rather than NaN.
      logSum += precisions[i] == 0.0 ? -9999999999.0 : Math.log(precisions[i]);
    }
    double score = bp * Math.exp(logSum / order);
    return new BleuResult(score, counts, totals, precisions, bp, stats.sysLen(), stats.refLen(), signature);
  }

  /** sacreBLEU's BLEU signature, e.g. {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-smc}. */
  public String signature(int nrefs) {
    String smooth = smoothing.id() + (smoothing.hasValue() ? "[" + PyText.fixed(smoothValue, 2) + "]" : "");
    return "nrefs:" + (nrefs < 0 ? "var" : Integer.toString(nrefs)) + "|case:" + (lowercase ? "lc" : "mixed")
        + "|eff:" + (effectiveOrder ? "yes" : "no") + "|tok:" + tokenizer.name() + "|smooth:" + smooth
        + "|version:" + VERSION;
  }

  public BleuTokenizer tokenizer() {
    return tokenizer;
  }

  private String preprocess(String segment) {
    if (lowercase) {
      segment = segment.toLowerCase(Locale.ROOT);
    }
    return tokenizer.tokenize(PyText.rstrip(segment));
  }

  static void checkSizes(List<String> hypotheses, List<?> references) {
    if (hypotheses.isEmpty()) {
      throw new IllegalArgumentException("no hypotheses");
    }
    if (hypotheses.size() != references.size()) {
      throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size() + " references");
    }
  }

  /** The number of references every segment has, or -1 when it varies. */
  static int commonCount(List<? extends List<String>> references) {
    int n = references.get(0).size();
    for (List<String> refs : references) {
      if (refs.size() != n) {
        return -1;
      }
    }
    return n;
  }

  /** Settings; unset ones are sacreBLEU's defaults. */
  public static final class Builder {
    private BleuTokenizer tokenizer = BleuTokenizers.defaultTokenizer();
    private boolean lowercase;
    private Smoothing smoothing = Smoothing.EXP;
    private double smoothValue = Double.NaN;
    private boolean effectiveOrder;

    private Builder() {}

    public Builder tokenizer(BleuTokenizer tokenizer) {
      this.tokenizer = Objects.requireNonNull(tokenizer);
      return this;
    }

    /** By sacreBLEU name: 13a, zh, char, intl or none. */
    public Builder tokenizer(String name) {
      return tokenizer(BleuTokenizers.byName(name));
    }

    public Builder lowercase(boolean lowercase) {
      this.lowercase = lowercase;
      return this;
    }

    /** A smoothing method with its default value (floor 0.1, add-k 1). */
    public Builder smoothing(Smoothing smoothing) {
      this.smoothing = Objects.requireNonNull(smoothing);
      this.smoothValue = Double.NaN;
      return this;
    }

    /** floor or add-k with another value. */
    public Builder smoothing(Smoothing smoothing, double value) {
      if (!smoothing.hasValue()) {
        throw new IllegalArgumentException(smoothing.id() + " smoothing takes no value");
      }
      this.smoothing = smoothing;
      this.smoothValue = value;
      return this;
    }

    /** Average only over the orders the hypotheses have n-grams of; for sentence-level BLEU. */
    public Builder effectiveOrder(boolean effectiveOrder) {
      this.effectiveOrder = effectiveOrder;
      return this;
    }

    public CorpusBleu build() {
      return new CorpusBleu(this);
    }
  }
}
