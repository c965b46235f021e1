package org.smcbench.sparsity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.smcbench.sparsity.obert.ObertStep;
import org.smcbench.sparsity.score.MagnitudeScorer;
import org.smcbench.sparsity.score.RandomScorer;
import org.smcbench.sparsity.score.Scorer;
import org.smcbench.sparsity.score.SnipScorer;

/**
 * Every sparsity method by its stable config name; a method's parameters come from
 * {@code smc.methods.<name>} (defaults below) and are part of its run key.
 */
public final class SparsityMethods {
  private static final Map<String, Function<Map<String, Object>, SparsityMethod>> FACTORIES = new LinkedHashMap<>();

  static {
    FACTORIES.put("dense", p -> new Dense());
    FACTORIES.put("omp_after", p -> new OneShot("omp_after", Timing.AFTER, magnitude()));
    FACTORIES.put("random_after", p -> new OneShot("random_after", Timing.AFTER, random()));
    FACTORIES.put("omp_before", p -> new OneShot("omp_before", Timing.BEFORE, magnitude()));
    FACTORIES.put("random_before", p -> new OneShot("random_before", Timing.BEFORE, random()));
    FACTORIES.put("snip", p -> new OneShot("snip", Timing.BEFORE, snip(p)));
    FACTORIES.put("lth", p -> iterative("lth", new MagnitudeStep(), Rewind.PRETRAINED, p));
    FACTORIES.put("lth_lrr", p -> iterative("lth_lrr", new MagnitudeStep(), Rewind.FINETUNED, p));
    FACTORIES.put("obert", p -> iterative("obert", obert(p), Rewind.PRETRAINED, p));
    FACTORIES.put("obert_lrr", p -> iterative("obert_lrr", obert(p), Rewind.FINETUNED, p));
    FACTORIES.put("lth_lrr_kd", p -> distilled("lth_lrr_kd", new MagnitudeStep(), p));
    FACTORIES.put("obert_lrr_kd", p -> distilled("obert_lrr_kd", obert(p), p));
    FACTORIES.put("gmp", p -> new Gmp(integer(p, "frequency", 500), real(p, "start", 0.1), real(p, "end", 0.8)));
    FACTORIES.put("movement", p -> new Movement(integer(p, "frequency", 500), real(p, "start", 0.1),
        real(p, "end", 0.8)));
    FACTORIES.put("rigl_omp", p -> rigl("rigl_omp", magnitude(), p));
    FACTORIES.put("rigl_random", p -> rigl("rigl_random", random(), p));
    FACTORIES.put("rigl_snip", p -> rigl("rigl_snip", snip(p), p));
    FACTORIES.put("wanda", p -> wanda("wanda", true, p));
    FACTORIES.put("wanda_no_retrain", p -> wanda("wanda_no_retrain", false, p));
    FACTORIES.put("sparsegpt", p -> sparseGpt("sparsegpt", true, p));
    FACTORIES.put("sparsegpt_no_retrain", p -> sparseGpt("sparsegpt_no_retrain", false, p));
  }

  private SparsityMethods() {}

  public static SparsityMethod create(String name, Map<String, Object> params) {
    Function<Map<String, Object>, SparsityMethod> factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown sparsity method '" + name + "'; known: " + names());
    }
    return factory.apply(params);
  }

  public static boolean isKnown(String name) {
    return FACTORIES.containsKey(name);
  }

  public static Set<String> names() {
    return FACTORIES.keySet();
  }

  /** The methods (with default parameters) that prune once from scores: those an N:M selection takes. */
  public static java.util.List<String> prunesOnceFromScores() {
    return FACTORIES.entrySet().stream().filter(e -> e.getValue().apply(Map.of()).prunesOnceFromScores())
        .map(Map.Entry::getKey).toList();
  }

  private static Function<PruningContext, Scorer> magnitude() {
    return context -> new MagnitudeScorer();
  }

  private static Function<PruningContext, Scorer> random() {
    return context -> new RandomScorer(context.seed());
  }

  private static Function<PruningContext, Scorer> snip(Map<String, Object> p) {
    int batches = integer(p, "calibration-batches", 1);
    return context -> new SnipScorer(context.gradients(), batches);
  }

  private static SparsityMethod iterative(String name, PruningStep step, Rewind rewind, Map<String, Object> p) {
    return new IterativePruning(name, real(p, "rate", 0.2), step, rewind);
  }

  /**
   * Fig. 9's "+ KD": learning-rate rewinding with distillation from the dense parent; T = 2 and
   * hardness 1 (only the teacher's soft targets) by default.
   */
  private static SparsityMethod distilled(String name, PruningStep step, Map<String, Object> p) {
    return new IterativePruning(name, real(p, "rate", 0.2), step, Rewind.FINETUNED,
        new Distillation(real(p, "kd-temperature", 2.0), real(p, "kd-hardness", 1.0)));
  }

  /**
   * oBERT's defaults: blocks of 50, dampening 1e-7; 32 gradients (the paper uses 1024, which at a
   * CPU schedule of 120 steps would be 8 times the training itself).
   */
  private static PruningStep obert(Map<String, Object> p) {
    return new ObertStep(integer(p, "block-size", 50), integer(p, "gradients", 32), real(p, "dampening", 1e-7));
  }

  private static SparsityMethod wanda(String name, boolean retrain, Map<String, Object> p) {
    return new Wanda(name, integer(p, "calibration-batches", 8), retrain);
  }

  private static SparsityMethod sparseGpt(String name, boolean retrain, Map<String, Object> p) {
    return new SparseGpt(name, integer(p, "calibration-batches", 8), integer(p, "block-size", 128),
        real(p, "dampening", 0.01), retrain);
  }

  private static SparsityMethod rigl(String name, Function<PruningContext, Scorer> initial, Map<String, Object> p) {
    return new RigL(name, initial, integer(p, "update-interval", 500), real(p, "alpha", 0.3), real(p, "end", 0.75));
  }

  private static int integer(Map<String, Object> p, String key, int fallback) {
    Object v = p.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw new IllegalArgumentException("method parameter '" + key + "' must be an integer, got " + v);
  }

  private static double real(Map<String, Object> p, String key, double fallback) {
    Object v = p.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("method parameter '" + key + "' must be a number, got " + v);
  }
}
