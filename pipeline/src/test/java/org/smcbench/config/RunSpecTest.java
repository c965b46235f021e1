package org.smcbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run keys name results in the warehouse: a refactor must not silently rename them. */
class RunSpecTest {
  private static RunSpec spec(String method, double sparsity, List<String> sets) {
    Settings s = ConfigLoader.load(null, sets, Map.of());
    return new RunSpec("multiple-choice", "csqa", "", s.model("minilm"), method, Map.of(), sparsity, 1,
        s.sweep().selection(), s.sweep().scope(), "dev", s.dataset("csqa").training());
  }

  @Test
  void keysArePinned() {
    assertEquals("dense_75fff449ab8b6368", spec("dense", 0.0, List.of()).runKey());
    assertEquals("omp_after_53a016b1de604e05", spec("omp_after", 0.36, List.of()).runKey());
  }

  @Test
  void everyDefiningFieldChangesTheKey() {
    String base = spec("omp_after", 0.36, List.of()).runKey();
    assertNotEquals(base, spec("omp_after", 0.5904, List.of()).runKey());
    assertNotEquals(base, spec("random_after", 0.36, List.of()).runKey());
    assertNotEquals(base, spec("omp_after", 0.36, List.of("training.learning-rate=2e-5")).runKey());
    assertNotEquals(base, spec("omp_after", 0.36, List.of("models.minilm.layers=2")).runKey());
    assertNotEquals(base, spec("omp_after", 0.36, List.of("sweep.selection=layerwise")).runKey());
  }

  @Test
  void whereTheCheckpointLivesIsNotPartOfTheKey() {
    assertEquals(spec("dense", 0.0, List.of()).runKey(),
        spec("dense", 0.0, List.of("models.minilm.checkpoint-path=\"s3a://bucket/minilm.jar\"")).runKey());
  }

  @Test
  void denseRunIsSharedAcrossSelectionRulesAndIsEveryAfterMethodsParent() {
    assertEquals(spec("dense", 0.0, List.of()).runKey(),
        spec("dense", 0.0, List.of("sweep.selection=layerwise")).runKey());
    assertEquals(spec("dense", 0.0, List.of()).runKey(), spec("omp_after", 0.36, List.of()).denseParent().runKey());
  }
}
