package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smcbench.config.ConfigError;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.RunSpec;
import org.smcbench.config.Settings;

class SweepPlannerTest {
  @Test
  void gridIsDenseOncePlusEachMethodAtItsSparsities() {
    Settings s = ConfigLoader.load(null, List.of("sweep.methods=[dense, omp_after, random_after, snip, gmp]",
        "sweep.sparsities=[0.36, 0.5904]", "sweep.method-sparsities.snip=[0.5904]",
        "sweep.method-sparsities.gmp=[0.5904]", "sweep.seeds=[1, 2]"), Map.of());
    List<RunSpec> specs = SweepPlanner.expand(s);
    // Per seed: dense + 2 OMP + 2 Random + 1 SNIP + 1 GMP.
    assertEquals(14, specs.size());
    Map<String, List<Double>> gmp = specs.stream().filter(r -> r.method().equals("gmp"))
        .collect(Collectors.groupingBy(r -> String.valueOf(r.seed()),
            Collectors.mapping(RunSpec::targetSparsity, Collectors.toList())));
    assertEquals(Map.of("1", List.of(0.5904), "2", List.of(0.5904)), gmp);
    assertEquals(2, specs.stream().filter(RunSpec::isDense).count());
    assertEquals(specs.size(), specs.stream().map(RunSpec::runKey).distinct().count());
  }

  @Test
  void methodSparsitiesMustNameASparseMethod() {
    Settings s = ConfigLoader.load(null, List.of("sweep.methods=[dense, gmp]", "sweep.method-sparsities.gnp=[0.5]"),
        Map.of());
    ConfigError e = assertThrows(ConfigError.class, () -> SweepPlanner.expand(s));
    assertTrue(e.getMessage().contains("smc.sweep.method-sparsities names 'gnp'"), e.getMessage());
  }

  @Test
  void lthMustReachItsOwnSparsities() {
    Settings s = ConfigLoader.load(null, List.of("sweep.methods=[dense, lth]", "sweep.sparsities=[0.36]",
        "sweep.method-sparsities.lth=[0.5]"), Map.of());
    ConfigError e = assertThrows(ConfigError.class, () -> SweepPlanner.expand(s));
    assertTrue(e.getMessage().contains("0.5, which lth cannot reach"), e.getMessage());
  }

  @Test
  void foldsModelsOfTheTaskAndNarrowedMethodsShapeTheGrid() {
    // Two tasks in one sweep: each model pairs only with datasets of its own task.
    Settings s = ConfigLoader.load(null, List.of("sweep.datasets=[csqa, mawps, svamp]",
        "sweep.models=[minilm, gts, graph2tree]", "sweep.methods=[dense, omp_after, snip]", "sweep.sparsities=[0.5]",
        "sweep.dataset-methods.svamp=[dense]", "sweep.model-methods.graph2tree=[dense, omp_after]"), Map.of());
    List<RunSpec> specs = SweepPlanner.expand(s);
    Map<String, Long> perCell = specs.stream().collect(Collectors.groupingBy(
        r -> r.dataset() + "/" + r.model().name(), Collectors.counting()));
    assertEquals(Map.of(
        "csqa/minilm", 3L,
        "mawps/gts", 5 * 3L,        // five folds x (dense, OMP, SNIP)
        "mawps/graph2tree", 5 * 2L, // SNIP narrowed away for Graph2Tree
        "svamp/gts", 1L,            // dense only on SVAMP
        "svamp/graph2tree", 1L), perCell);
    assertEquals(List.of("0", "1", "2", "3", "4"), specs.stream().filter(r -> r.dataset().equals("mawps"))
        .map(RunSpec::fold).distinct().sorted().toList());
    assertEquals(List.of(""), specs.stream().filter(r -> !r.dataset().equals("mawps")).map(RunSpec::fold).distinct()
        .toList());
    // The fold is part of the key.
    assertEquals(specs.size(), specs.stream().map(RunSpec::runKey).distinct().count());
  }

  @Test
  void aModelWithoutADatasetOfItsTaskIsAnError() {
    Settings s = ConfigLoader.load(null, List.of("sweep.datasets=[csqa]", "sweep.models=[minilm, gts]"), Map.of());
    ConfigError e = assertThrows(ConfigError.class, () -> SweepPlanner.expand(s));
    assertTrue(e.getMessage().contains("gts (a math-word-problem model)"), e.getMessage());
  }

  @Test
  void nmSelectionTakesOneShotMethodsAtThePatternsSparsity() {
    Settings ok = ConfigLoader.load(null, List.of("sweep.selection=\"2:4\"", "sweep.methods=[dense, omp_after, snip]",
        "sweep.sparsities=[0.5]"), Map.of());
    List<RunSpec> specs = SweepPlanner.expand(ok);
    assertEquals(3, specs.size());
    assertEquals(List.of("2:4", "2:4", "2:4"), specs.stream().map(RunSpec::selection).toList());
    Settings gmp = ConfigLoader.load(null, List.of("sweep.selection=\"2:4\"", "sweep.methods=[dense, gmp]",
        "sweep.sparsities=[0.5]"), Map.of());
    ConfigError moving = assertThrows(ConfigError.class, () -> SweepPlanner.expand(gmp));
    assertTrue(moving.getMessage().contains("'gmp' moves or grows its mask"), moving.getMessage());
    Settings wrong = ConfigLoader.load(null, List.of("sweep.selection=\"2:4\"", "sweep.methods=[dense, omp_after]",
        "sweep.sparsities=[0.36]"), Map.of());
    ConfigError sparsity = assertThrows(ConfigError.class, () -> SweepPlanner.expand(wrong));
    assertTrue(sparsity.getMessage().contains("prunes exactly 0.5"), sparsity.getMessage());
    assertThrows(ConfigError.class, () -> ConfigLoader.load(null, List.of("sweep.selection=\"3:2\""), Map.of()));
  }

  @Test
  void foldsAreRefusedForMultipleChoiceDatasets() {
    Settings s = ConfigLoader.load(null, List.of("datasets.csqa.folds=[\"0\"]",
        "datasets.csqa.files.train=\"t{fold}.jsonl\"", "datasets.csqa.files.dev=\"d{fold}.jsonl\"",
        "datasets.csqa.files.test=\"\""), Map.of());
    ConfigError e = assertThrows(ConfigError.class, () -> SweepPlanner.expand(s));
    assertTrue(e.getMessage().contains("smc.datasets.csqa.folds"), e.getMessage());
  }
}
