package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ActivationTap;

/** SparseGPT's inputs: the tap's Gram matrices of linear inputs. */
class SparseGptTest {
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
  void tapAccumulatesTheGramMatrixOfLinearInputsOnlyWhenAsked() {
    NDArray w = manager.create(new float[6], new Shape(2, 3));
    float[] first = {1, 2, 3, 0, 1, 0, 2, 0, 1, 1, 1, 1}; // [batch 2, seq 2, in 3]: four rows
    float[] second = {3, 0, -1};
    try (ActivationTap tap = ActivationTap.withGrams()) {
      ActivationTap.linearInput(w, manager.create(first, new Shape(2, 2, 3)));
      ActivationTap.linearInput(w, manager.create(second, new Shape(1, 3)));
      double[][] x = {{1, 2, 3}, {0, 1, 0}, {2, 0, 1}, {1, 1, 1}, {3, 0, -1}};
      double[] expected = new double[9];
      for (double[] row : x) {
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            expected[i * 3 + j] += row[i] * row[j];
          }
        }
      }
      assertArrayEquals(expected, tap.linearGram(w), 1e-9);
      assertArrayEquals(new double[] {expected[0], expected[4], expected[8]}, tap.linearSquares(w), 1e-9);
    }
    // Wanda's plain tap keeps only the diagonal.
    try (ActivationTap tap = ActivationTap.open()) {
      ActivationTap.linearInput(w, manager.create(second, new Shape(1, 3)));
      assertNull(tap.linearGram(w));
      assertArrayEquals(new double[] {9, 0, 1}, tap.linearSquares(w), 1e-9);
    }
  }
}
