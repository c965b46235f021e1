package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ActivationTap;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.ActivationProbe.InputStats;
import org.smcbench.sparsity.score.WandaScorer;
import org.smcbench.sparsity.select.MaskSelector;

/** Wanda on hand-made layers: the tap's statistics, the scores against a direct computation, per-output counts. */
class WandaTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void tapSumsSquaredInputsPerColumnAndCountsLookedUpRows() {
    NDArray w = manager.create(new float[6], new Shape(2, 3));
    NDArray table = manager.create(new float[8], new Shape(4, 2));
    try (ActivationTap tap = ActivationTap.open()) {
      // [batch 2, seq 2, in 3]: Σ over the four rows of x_j²
      ActivationTap.linearInput(w, manager.create(new float[] {1, 2, 3, 0, 1, 0, 2, 0, 1, 1, 1, 1}, new Shape(2, 2, 3)));
      ActivationTap.linearInput(w, manager.create(new float[] {3, 0, 0}, new Shape(1, 3)));
      ActivationTap.lookup(table, manager.create(new long[] {0, 3, 3, 1, 3}, new Shape(5)));
      assertArrayEquals(new double[] {1 + 4 + 1 + 9, 4 + 1 + 1, 9 + 1 + 1}, tap.linearSquares(w), 1e-9);
      assertArrayEquals(new double[] {1, 1, 0, 3}, tap.lookupCounts(table), 0);
      assertNull(tap.lookupCounts(w));
    }
    // Closed: nothing is recorded any more.
    try (ActivationTap tap = ActivationTap.open()) {
      assertNull(tap.linearSquares(w));
    }
  }

  @Test
  void scoresAreTheMagnitudeTimesTheInputNorm() {
    float[] w = {0.5f, -2f, 1f, -0.25f, 3f, -1f};
    double[] squares = {4, 0.25, 9};
    PrunableTensor t = LiveTensors.tensor(manager, "l.weight", ModuleKind.FFN_IN, 0, w, 2, 3);
    LinkedHashMap<String, InputStats> stats = new LinkedHashMap<>(Map.of("l.weight", new InputStats(squares, false)));
    float[] s = new WandaScorer(b -> stats, 1).score(List.of(t)).get("l.weight");
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(Math.abs(w[r * 3 + c]) * Math.sqrt(squares[c]), s[r * 3 + c], 1e-6, "entry " + r + "," + c);
      }
    }
    // A table [rows 3, width 2] is the transpose of its linear weight: row r's norm is √(reads of r).
    PrunableTensor e = LiveTensors.tensor(manager, "e.weight", ModuleKind.EMBEDDING, -1, w, 3, 2);
    LinkedHashMap<String, InputStats> reads = new LinkedHashMap<>(Map.of("e.weight",
        new InputStats(new double[] {4, 0, 1}, true)));
    assertArrayEquals(new float[] {1f, 4f, 0f, 0f, 3f, 1f},
        new WandaScorer(b -> reads, 1).score(List.of(e)).get("e.weight"), 1e-6f);
  }

  @Test
  void prunesWithinEachOutputWhereMagnitudeWouldNot() {
    // Row 0: |w| = [1, 2, 3, 4] over inputs of norm [10, 1, 1, 10] → scores [10, 2, 3, 40]: Wanda
    // prunes the inputs 1 and 2 (magnitude pruning would take 0 and 1). Row 1 the same weights.
    float[] w = {1, 2, 3, 4, 1, 2, 3, 4};
    PrunableTensor t = LiveTensors.tensor(manager, "l.weight", ModuleKind.FFN_IN, 0, w, 2, 4);
    LinkedHashMap<String, InputStats> stats = new LinkedHashMap<>(Map.of("l.weight",
        new InputStats(new double[] {100, 1, 1, 100}, false)));
    PruningContext context = new PruningContext(List.of(t), 0.5, MaskSelector.Granularity.GLOBAL, 1, 10, manager,
        GradientProbe.NONE).withActivations(b -> stats);
    SparsityMethod wanda = SparsityMethods.create("wanda", Map.of("calibration-batches", 2));
    assertEquals(StartPoint.DENSE_FINETUNED, wanda.startPoint());
    wanda.initialMasks(context).orElseThrow().applyTo(List.of(t));
    assertArrayEquals(new float[] {1, 0, 0, 4, 1, 0, 0, 4}, t.array().toFloatArray(), 0f);
  }

  @Test
  void exactCountSpreadOverOutputsAndColumnsForTables() {
    // 12 entries at 30 %: round(3.6) = 4 pruned over 3 rows: 2, 1, 1, each its lowest scores.
    float[] scores = {5, 1, 2, 9, 8, 7, 6, 0.5f, 3, 4, 10, 11};
    var rows = org.smcbench.sparsity.select.PerOutputSelector.select(new LinkedHashMap<>(Map.of("t", scores.clone())),
        Map.of("t", new org.smcbench.sparsity.select.PerOutputSelector.Layout(3, 4,
            org.smcbench.sparsity.select.PerOutputSelector.Outputs.ROWS)), 0.3).mask("t");
    assertArrayEquals(new boolean[] {true, false, false, true, true, true, true, false, false, true, true, true},
        rows);
    // The same scores as a table [3, 4] whose outputs are its 4 columns: 4 pruned, one per column.
    var cols = org.smcbench.sparsity.select.PerOutputSelector.select(new LinkedHashMap<>(Map.of("t", scores.clone())),
        Map.of("t", new org.smcbench.sparsity.select.PerOutputSelector.Layout(3, 4,
            org.smcbench.sparsity.select.PerOutputSelector.Outputs.COLUMNS)), 0.3).mask("t");
    // column 0: {5, 8, 3} → 3 (row 2); column 1: {1, 7, 4} → 1; column 2: {2, 6, 10} → 2; column 3: {9, 0.5, 11} → 0.5
    assertArrayEquals(new boolean[] {true, false, false, true, true, true, true, false, false, true, true, true},
        cols);
  }
}
