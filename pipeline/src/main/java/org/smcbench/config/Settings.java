package org.smcbench.config;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Map;

/**
 * The whole effective configuration, typed and validated. Immutable; built once per command by
 * {@link ConfigLoader}.
 *
 * @param resolved the merged HOCON it was bound from (for provenance; print it through
 *     {@link Secrets#render} only)
 */
public record Settings(
    String dataRoot,
    WarehouseSettings warehouse,
    SparkSettings spark,
    ComputeSettings compute,
    int ingestShards,
    Map<String, ModelSettings> models,
    Map<String, DatasetSettings> datasets,
    Map<String, Map<String, Object>> methods,
    SweepSettings sweep,
    double matchingTolerance,
    Map<String, TrainingSettings> trainingByDatasetAndModel,
    Config resolved) {

  /**
   * The training settings of {@code model} on {@code dataset}: smc.training, overridden by the
   * dataset's {@code training} block, overridden by the model's (e.g. Graph2Tree's own learning rate).
   */
  public TrainingSettings training(String dataset, String model) {
    TrainingSettings t = trainingByDatasetAndModel.get(trainingKey(dataset, model));
    return t != null ? t : dataset(dataset).training();
  }

  static String trainingKey(String dataset, String model) {
    return dataset + "\u0000" + model;
  }

  public DatasetSettings dataset(String name) {
    DatasetSettings d = datasets.get(name);
    if (d == null) {
      throw new ConfigError("unknown dataset '" + name + "'; configured: " + datasets.keySet());
    }
    return d;
  }

  public ModelSettings model(String name) {
    ModelSettings m = models.get(name);
    if (m == null) {
      throw new ConfigError("unknown model '" + name + "'; configured: " + models.keySet());
    }
    return m;
  }

  /**
   * @param vacuumRetentionHours the nightly's VACUUM keeps files a table version newer than this
   *     still reads (so time travel reaches back this far); 168 = Delta's default
   */
  public record WarehouseSettings(String path, String database, double vacuumRetentionHours) {}

  public record SparkSettings(String master, String appName, Map<String, String> conf) {}

  /**
   * Extra runs that narrow pruning to one module at a time (the paper's Table 1: OMP (After) at 5 %
   * on Q, K, V, O or FFN alone): every method × sparsity × scope on each named dataset.
   */
  public record ScopeStudy(List<String> datasets, List<String> methods, List<Double> sparsities,
      List<String> scopes) {}

  public record ComputeSettings(String device, int threads) {}

  public record SweepSettings(
      List<String> datasets,
      List<String> models,
      List<String> methods,
      List<Double> sparsities,
      Map<String, List<Double>> methodSparsities,
      Map<String, List<String>> datasetMethods,
      Map<String, List<String>> modelMethods,
      List<Integer> seeds,
      String selection,
      String scope,
      Map<String, String> datasetScopes,
      List<ScopeStudy> scopeStudies,
      int concurrency) {

    /** The prunable scope of {@code dataset}'s runs: its own entry in dataset-scopes, else {@link #scope}. */
    public String scopeFor(String dataset) {
      return datasetScopes.getOrDefault(dataset, scope);
    }

    /**
     * The methods run on {@code dataset} with {@code model}: {@link #methods} narrowed by the
     * dataset's and the model's own lists when they have one (dense always runs).
     */
    public List<String> methodsFor(String dataset, String model) {
      return methods.stream()
          .filter(m -> !datasetMethods.containsKey(dataset) || datasetMethods.get(dataset).contains(m))
          .filter(m -> !modelMethods.containsKey(model) || modelMethods.get(model).contains(m))
          .toList();
    }

    /** The target sparsities of {@code method}: its own list when it has one, the sweep's otherwise. */
    public List<Double> sparsitiesFor(String method) {
      return methodSparsities.getOrDefault(method, sparsities);
    }
  }
}
