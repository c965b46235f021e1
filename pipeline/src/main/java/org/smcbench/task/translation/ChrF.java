package org.smcbench.task.translation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * chrF and chrF++ (Popović 2015, 2017) with sacreBLEU 2.6.0's semantics. Defaults are sacreBLEU's
 * {@code CHRF()}: character 1..6-grams over the line with whitespace removed, no word n-grams, beta 2,
 * and its effective-order averaging: precision and recall are averaged over the orders where both
 * hypothesis and reference have n-grams, then combined into one F-beta (epsilon smoothing, the
 * chrF++.py/NLTK way of averaging per-order F scores, is an option).
 *
 * <p>Corpus chrF sums the per-segment statistics before computing F, it is not a mean of sentence
 * scores. With several references a segment keeps the statistics of its best-scoring one (the first on a
 * tie). No tokenization: text is used as given, lowercased if asked; chrF++ words split off one leading
 * or trailing ASCII punctuation character, as sacreBLEU does.
 */
public final class ChrF implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final double EPS = 1e-16;

  private final int charOrder;
  private final int wordOrder;
  private final int beta;
  private final boolean lowercase;
  private final boolean whitespace;
  private final boolean epsSmoothing;

  private ChrF(Builder b) {
    if (b.charOrder < 0 || b.wordOrder < 0 || b.charOrder + b.wordOrder == 0) {
      throw new IllegalArgumentException("char order " + b.charOrder + ", word order " + b.wordOrder);
    }
    this.charOrder = b.charOrder;
    this.wordOrder = b.wordOrder;
    this.beta = b.beta;
    this.lowercase = b.lowercase;
    this.whitespace = b.whitespace;
    this.epsSmoothing = b.epsSmoothing;
  }

  /** chrF2, sacreBLEU's default. */
  public static ChrF defaults() {
    return builder().build();
  }

  /** chrF2++: the defaults plus word uni- and bigrams. */
  public static ChrF plusPlus() {
    return builder().wordOrder(2).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Corpus chrF of one reference per segment. */
  public ChrFResult corpusScore(List<String> hypotheses, List<String> references) {
    CorpusBleu.checkSizes(hypotheses, references);
    long[] sum = new long[3 * order()];
    for (int i = 0; i < hypotheses.size(); i++) {
      add(sum, segmentStats(hypotheses.get(i), List.of(references.get(i))));
    }
    return score(sum, 1);
  }

  /** Corpus chrF with {@code references.get(i)} the one or more references of segment i. */
  public ChrFResult corpusScoreMultiRef(List<String> hypotheses, List<? extends List<String>> references) {
    CorpusBleu.checkSizes(hypotheses, references);
    long[] sum = new long[3 * order()];
    for (int i = 0; i < hypotheses.size(); i++) {
      add(sum, segmentStats(hypotheses.get(i), references.get(i)));
    }
    return score(sum, CorpusBleu.commonCount(references));
  }

  public ChrFResult sentenceScore(String hypothesis, List<String> references) {
    return score(segmentStats(hypothesis, references), references.size());
  }

  /**
   * The (hypothesis, reference, match) counts per order of one segment against its best reference, to
   * sum and pass to {@link #score}.
   */
  public long[] segmentStats(String hypothesis, List<String> references) {
    if (references.isEmpty()) {
      throw new IllegalArgumentException("a segment needs at least one reference");
    }
    List<Map<String, Integer>> hyp = ngrams(Objects.requireNonNull(hypothesis, "hypothesis"));
    long[] best = null;
    double bestF = -1;
    for (String reference : references) {
      List<Map<String, Integer>> ref = ngrams(Objects.requireNonNull(reference, "reference"));
      long[] stats = new long[3 * order()];
      for (int i = 0; i < order(); i++) {
        Map<String, Integer> r = ref.get(i);
        // An order the reference has no n-gram of does not count the hypothesis' n-grams either.
        stats[3 * i] = r.isEmpty() ? 0 : Ngrams.total(hyp.get(i));
        stats[3 * i + 1] = Ngrams.total(r);
        stats[3 * i + 2] = Ngrams.matches(hyp.get(i), r);
      }
      double f = fScore(stats);
      if (f > bestF) {
        bestF = f;
        best = stats;
      }
    }
    return best;
  }

  /** chrF from (summed) statistics; {@code nrefs} is for the signature, negative meaning a varying count. */
  public ChrFResult score(long[] stats, int nrefs) {
    if (stats.length != 3 * order()) {
      throw new IllegalArgumentException("expected " + 3 * order() + " statistics, got " + stats.length);
    }
    return new ChrFResult(fScore(stats), "chrF" + beta + "+".repeat(wordOrder), stats.clone(), signature(nrefs));
  }

  /** sacreBLEU's chrF signature, e.g. {@code nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0-smc}. */
  public String signature(int nrefs) {
    return "nrefs:" + (nrefs < 0 ? "var" : Integer.toString(nrefs)) + "|case:" + (lowercase ? "lc" : "mixed")
        + "|eff:" + (epsSmoothing ? "no" : "yes") + "|nc:" + charOrder + "|nw:" + wordOrder + "|space:"
        + (whitespace ? "yes" : "no") + "|version:" + CorpusBleu.VERSION;
  }

  private int order() {
    return charOrder + wordOrder;
  }

  double fScore(long[] stats) {
    double factor = (double) beta * beta;
    double epsScore = 0;
    double avgPrec = 0;
    double avgRec = 0;
    int effective = 0;
    for (int i = 0; i < order(); i++) {
      long hyp = stats[3 * i];
      long ref = stats[3 * i + 1];
      long match = stats[3 * i + 2];
      double prec = hyp > 0 ? (double) match / hyp : EPS;
      double rec = ref > 0 ? (double) match / ref : EPS;
      double denom = factor * prec + rec;
      epsScore += denom > 0 ? (1 + factor) * prec * rec / denom : EPS;
      if (hyp > 0 && ref > 0) {
        avgPrec += prec;
        avgRec += rec;
        effective++;
      }
    }
    if (epsSmoothing) {
      return 100 * epsScore / order();
    }
    if (effective == 0) {
      return 0.0;
    }
    avgPrec /= effective;
    avgRec /= effective;
    if (avgPrec + avgRec == 0) {
      return 0.0;
    }
    double score = (1 + factor) * avgPrec * avgRec;
    score /= factor * avgPrec + avgRec;
    return 100 * score;
  }

  /** Character n-gram counts per order, then word n-gram counts per order. */
  private List<Map<String, Integer>> ngrams(String line) {
    if (lowercase) {
      line = line.toLowerCase(Locale.ROOT);
    }
    List<Map<String, Integer>> all = new ArrayList<>(Ngrams.chars(whitespace ? line : PyText.removeSpaces(line),
        charOrder));
    if (wordOrder > 0) {
      all.addAll(Ngrams.words(words(line), wordOrder));
    }
    return all;
  }

  /** Words with one trailing, else one leading, ASCII punctuation character split off ("(hi)" -> "(hi", ")"). */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    for (String w : PyText.split(line)) {
      if (w.codePointCount(0, w.length()) == 1) {
        out.add(w);
      } else if (PUNCTUATION.indexOf(w.charAt(w.length() - 1)) >= 0) {
        out.add(w.substring(0, w.length() - 1));
        out.add(w.substring(w.length() - 1));
      } else if (PUNCTUATION.indexOf(w.charAt(0)) >= 0) {
        out.add(w.substring(0, 1));
        out.add(w.substring(1));
      } else {
        out.add(w);
      }
    }
    return out;
  }

  private static void add(long[] into, long[] stats) {
    for (int i = 0; i < into.length; i++) {
      into[i] += stats[i];
    }
  }

  /** Settings; unset ones are sacreBLEU's defaults. */
  public static final class Builder {
    private int charOrder = 6;
    private int wordOrder = 0;
    private int beta = 2;
    private boolean lowercase;
    private boolean whitespace;
    private boolean epsSmoothing;

    private Builder() {}

    public Builder charOrder(int charOrder) {
      this.charOrder = charOrder;
      return this;
    }

    /** 2 makes chrF++. */
    public Builder wordOrder(int wordOrder) {
      this.wordOrder = wordOrder;
      return this;
    }

    public Builder beta(int beta) {
      this.beta = beta;
      return this;
    }

    public Builder lowercase(boolean lowercase) {
      this.lowercase = lowercase;
      return this;
    }

    /** Keep whitespace inside character n-grams. */
    public Builder whitespace(boolean whitespace) {
      this.whitespace = whitespace;
      return this;
    }

    /** Average per-order F scores with epsilon smoothing (signature {@code eff:no}). */
    public Builder epsSmoothing(boolean epsSmoothing) {
      this.epsSmoothing = epsSmoothing;
      return this;
    }

    public ChrF build() {
      return new ChrF(this);
    }
  }
}
