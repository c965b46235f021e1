package org.smcbench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smcbench.config.ConfigError;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.RunSpec;
import org.smcbench.config.Settings;
import org.smcbench.model.ModelFamilies;
import org.smcbench.sparsity.select.NmPattern;
import org.smcbench.sparsity.IterativePruning;
import org.smcbench.sparsity.SparsityMethod;
import org.smcbench.sparsity.SparsityMethods;
import org.smcbench.sparsity.StartPoint;
import org.smcbench.task.Tasks;

/**
 * Expands the sweep grid (dataset × fold × model × method × sparsity × seed) into run specs, each once;
 * the dense run of every (dataset, fold, model, seed) is always included, since After methods start
 * from it and every sparse result is compared with it.
 */
public final class SweepPlanner {
  private SweepPlanner() {}

  public static List<RunSpec> expand(Settings s) {
    validate(s);
    Map<String, RunSpec> specs = new LinkedHashMap<>();
    for (String datasetName : s.sweep().datasets()) {
      DatasetSettings dataset = s.dataset(datasetName);
      for (String fold : dataset.folds()) {
        for (String modelName : modelsFor(s, dataset)) {
          // A self-pre-trained encoder's corpus is part of its identity (and so of the run key).
          ModelSettings model = org.smcbench.pretrain.PretrainedCheckpoints.withCorpus(s, s.model(modelName));
          for (int seed : s.sweep().seeds()) {
            addCell(s, dataset, fold, model, seed, specs);
          }
        }
      }
    }
    return new ArrayList<>(specs.values());
  }

  /** The sweep's models whose family reads the dataset's task (a sweep may mix tasks). */
  static List<String> modelsFor(Settings s, DatasetSettings dataset) {
    return s.sweep().models().stream()
        .filter(m -> ModelFamilies.get(s.model(m).family()).tasks().contains(dataset.task())).toList();
  }

  /** The dense run and every sparse method × sparsity of one (dataset, fold, model, seed). */
  private static void addCell(Settings s, DatasetSettings dataset, String fold, ModelSettings model, int seed,
      Map<String, RunSpec> specs) {
    String scope = s.sweep().scopeFor(dataset.name());
    RunSpec dense = new RunSpec(dataset.task(), dataset.name(), fold, model, RunSpec.DENSE, Map.of(), 0.0, seed,
        s.sweep().selection(), scope, dataset.evalSplit(), s.training(dataset.name(), model.name()));
    specs.putIfAbsent(dense.runKey(), dense);
    for (String method : s.sweep().methodsFor(dataset.name(), model.name())) {
      if (method.equals(RunSpec.DENSE)) {
        continue;
      }
      for (double sparsity : s.sweep().sparsitiesFor(method)) {
        add(s, dataset, fold, model, seed, method, sparsity, scope, specs);
      }
    }
    for (Settings.ScopeStudy study : s.sweep().scopeStudies()) {
      if (!study.datasets().contains(dataset.name())) {
        continue;
      }
      for (String method : study.methods()) {
        for (double sparsity : study.sparsities()) {
          for (String studyScope : study.scopes()) {
            add(s, dataset, fold, model, seed, method, sparsity, studyScope, specs);
          }
        }
      }
    }
  }

  private static void add(Settings s, DatasetSettings dataset, String fold, ModelSettings model, int seed,
      String method, double sparsity, String scope, Map<String, RunSpec> specs) {
    Map<String, Object> params = s.methods().getOrDefault(method, Map.of());
    // A method whose paper fixes its prunable set (oBERT: embeddings and heads dense) records that
    // set as its run's scope, so the scope column and run key say what was pruned.
    String methodScope;
    try {
      methodScope = SparsityMethods.create(method, params).scopeFor(scope);
    } catch (IllegalArgumentException e) {
      throw new ConfigError("smc.sweep.scope for " + method + ": " + e.getMessage(), e);
    }
    RunSpec spec = new RunSpec(dataset.task(), dataset.name(), fold, model, method, params, sparsity, seed,
        s.sweep().selection(), methodScope, dataset.evalSplit(), s.training(dataset.name(), model.name()));
    specs.putIfAbsent(spec.runKey(), spec);
  }

  private static void requireMethods(String key, List<String> methods) {
    for (String method : methods) {
      if (!SparsityMethods.isKnown(method)) {
        throw new ConfigError(key + " names unknown method '" + method + "'; known: " + SparsityMethods.names());
      }
    }
  }

  /** True when the run starts from its dense parent's fine-tuned weights. */
  public static boolean needsDenseParent(RunSpec spec) {
    return SparsityMethods.create(spec.method(), spec.methodParams()).startPoint() == StartPoint.DENSE_FINETUNED;
  }

  /**
   * The runs to launch for the pending specs: an iterative method's rounds of one (dataset, model,
   * seed) come from a single run to the deepest grid point, so a pending lth (obert, ...) spec
   * launches that one; others as they are.
   */
  public static List<RunSpec> collapseRounds(List<RunSpec> all, List<RunSpec> pending) {
    Map<String, RunSpec> deepest = new LinkedHashMap<>();
    for (RunSpec spec : all) {
      if (isIterative(spec)) {
        deepest.merge(spec.withTargetSparsity(0).runKey(), spec,
            (a, b) -> a.targetSparsity() >= b.targetSparsity() ? a : b);
      }
    }
    Map<String, RunSpec> jobs = new LinkedHashMap<>();
    for (RunSpec spec : pending) {
      RunSpec job = isIterative(spec) ? deepest.get(spec.withTargetSparsity(0).runKey()) : spec;
      jobs.putIfAbsent(job.runKey(), job);
    }
    return new ArrayList<>(jobs.values());
  }

  private static boolean isIterative(RunSpec spec) {
    return !spec.isDense() && SparsityMethods.create(spec.method(), spec.methodParams()) instanceof IterativePruning;
  }

  /** The specs a launched run records results for: itself, or each IMP round up to it. */
  public static List<RunSpec> outcomeSpecs(RunSpec spec) {
    if (SparsityMethods.create(spec.method(), spec.methodParams()) instanceof IterativePruning imp) {
      return imp.roundSparsities(spec.targetSparsity()).stream().map(spec::withTargetSparsity).toList();
    }
    return List.of(spec);
  }

  public static int outcomesOf(RunSpec spec) {
    return outcomeSpecs(spec).size();
  }

  private static void validate(Settings s) {
    NmPattern pattern = NmPattern.parse(s.sweep().selection());
    if (pattern != null) {
      for (String method : s.sweep().methods()) {
        if (method.equals(RunSpec.DENSE)) {
          continue;
        }
        if (!SparsityMethods.create(method, s.methods().getOrDefault(method, Map.of())).prunesOnceFromScores()) {
          throw new ConfigError("smc.sweep.selection = " + pattern.label() + " turns one-shot scores into N:M masks;"
              + " '" + method + "' moves or grows its mask during training (one-shot methods: "
              + String.join(", ", SparsityMethods.prunesOnceFromScores()) + ")");
        }
        for (double sparsity : s.sweep().sparsitiesFor(method)) {
          if (Math.abs(sparsity - pattern.sparsity()) > 1e-9) {
            throw new ConfigError("smc.sweep.selection = " + pattern.label() + " prunes exactly " + pattern.sparsity()
                + " of every tensor, but " + method + " is asked for " + sparsity + ": set smc.sweep.sparsities = ["
                + pattern.sparsity() + "]");
          }
        }
      }
    }
    for (int i = 0; i < s.sweep().scopeStudies().size(); i++) {
      Settings.ScopeStudy study = s.sweep().scopeStudies().get(i);
      requireMethods("smc.sweep.scope-studies[" + i + "].methods", study.methods());
      for (String d : study.datasets()) {
        if (!s.sweep().datasets().contains(d)) {
          throw new ConfigError("smc.sweep.scope-studies[" + i + "].datasets names " + d + ", which is not in"
              + " smc.sweep.datasets " + s.sweep().datasets());
        }
      }
      if (study.methods().contains(RunSpec.DENSE)) {
        throw new ConfigError("smc.sweep.scope-studies[" + i + "].methods has dense, which prunes nothing");
      }
    }
    for (String d : s.sweep().datasetScopes().keySet()) {
      if (!s.sweep().datasets().contains(d) && !s.datasets().containsKey(d)) {
        throw new ConfigError("smc.sweep.dataset-scopes names " + d + ", which is not a configured dataset");
      }
    }
    for (Map.Entry<String, List<String>> e : s.sweep().datasetMethods().entrySet()) {
      requireMethods("smc.sweep.dataset-methods." + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, List<String>> e : s.sweep().modelMethods().entrySet()) {
      requireMethods("smc.sweep.model-methods." + e.getKey(), e.getValue());
    }
    for (String method : s.sweep().methodSparsities().keySet()) {
      if (!SparsityMethods.isKnown(method) || method.equals(RunSpec.DENSE)) {
        throw new ConfigError("smc.sweep.method-sparsities names '" + method + "', which is not a sparse method; known: "
            + SparsityMethods.names());
      }
    }
    for (String method : s.sweep().methods()) {
      if (!SparsityMethods.isKnown(method)) {
        throw new ConfigError("smc.sweep.methods names unknown method '" + method + "'; known: "
            + SparsityMethods.names());
      }
      SparsityMethod instance;
      try {
        instance = SparsityMethods.create(method, s.methods().getOrDefault(method, Map.of()));
      } catch (IllegalArgumentException e) {
        throw new ConfigError("smc.methods." + method + ": " + e.getMessage(), e);
      }
      if (instance instanceof IterativePruning imp) {
        for (double sparsity : s.sweep().sparsitiesFor(method)) {
          if (!imp.reaches(sparsity)) {
            throw new ConfigError("the sparsities of " + method + " contain " + sparsity + ", which " + method
                + " cannot reach: its rounds give 1 - (1 - rate)^k (the paper's grid 0.2, 0.36, 0.488, 0.5904, ...)");
          }
        }
      }
    }
    for (String model : s.sweep().models()) {
      String family = s.model(model).family();
      if (!ModelFamilies.isKnown(family)) {
        throw new ConfigError("smc.models." + model + ".family = '" + family + "' is not a known model family");
      }
      java.util.Set<String> tasks = ModelFamilies.get(family).tasks();
      if (s.sweep().datasets().stream().noneMatch(d -> tasks.contains(s.dataset(d).task()))) {
        String task = String.join(" / ", new java.util.TreeSet<>(tasks));
        throw new ConfigError("smc.sweep.models has " + model + " (a " + task + " model) but smc.sweep.datasets "
            + s.sweep().datasets() + " has no " + task + " dataset");
      }
    }
    for (String datasetName : s.sweep().datasets()) {
      String task = s.dataset(datasetName).task();
      if (!Tasks.isKnown(task)) {
        throw new ConfigError("smc.datasets." + datasetName + ".task = '" + task + "' is not a known task");
      }
      if (modelsFor(s, s.dataset(datasetName)).isEmpty()) {
        throw new ConfigError("smc.sweep.datasets has " + datasetName + " (a " + task + " dataset) but smc.sweep.models "
            + s.sweep().models() + " has no model for " + task);
      }
      String reader = s.dataset(datasetName).reader();
      if (task.equals(org.smcbench.task.mc.MultipleChoiceTask.NAME) && s.dataset(datasetName).hasFolds()) {
        throw new ConfigError("smc.datasets." + datasetName + ".folds: the multiple-choice reader reads one file per split;"
            + " folds are for the cross-validated math-word-problem datasets");
      }
      if (task.equals(org.smcbench.task.mc.MultipleChoiceTask.NAME) && !org.smcbench.data.McReaders.isKnown(reader)) {
        throw new ConfigError("smc.datasets." + datasetName + ".reader = '" + reader
            + "' is not a known multiple-choice reader (csqa, race, winogrande)");
      }
      if (task.equals(org.smcbench.task.mwp.MwpTask.NAME) && !reader.equals(org.smcbench.data.mwp.MwpParser.READER)) {
        throw new ConfigError("smc.datasets." + datasetName + ".reader = '" + reader
            + "' is not a math-word-problem reader (" + org.smcbench.data.mwp.MwpParser.READER + ")");
      }
    }
  }
}
