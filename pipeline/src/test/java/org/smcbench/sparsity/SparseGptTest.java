package org.smcbench.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ActivationTap;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.ActivationProbe.InputStats;
import org.smcbench.sparsity.obs.Cholesky;
import org.smcbench.sparsity.score.MagnitudeScorer;
import org.smcbench.sparsity.select.MaskSelection;
import org.smcbench.sparsity.select.MaskSelector;
import org.smcbench.sparsity.select.NmPattern;

/**
 * SparseGPT on small layers with real values: the tap's Gram matrices, the reconstruction against
 * magnitude and Wanda, exact counts under any block size, 2:4, and the OBS update against a direct solve.
 */
class SparseGptTest {
  private static final int ROWS = 16;
  private static final int COLS = 32;
  private static final int TOKENS = 256;

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

  @Test
  void reconstructsTheLayerBetterThanMagnitudeAndWandaWithAnExactCount() {
    Layer layer = Layer.random(7);
    double sparsity = 0.6; // round(0.6 · 512) = 307 pruned; blocks of 8 prune 77, 77, 76, 77
    float[] sparsegpt = prune(layer, "sparsegpt", Map.of("block-size", 8), sparsity, null);
    assertEquals(307, zeros(sparsegpt));

    PrunableTensor dense = layer.tensor(manager);
    MaskSelection magnitude = MaskSelector.select(new MagnitudeScorer().score(List.of(dense)), sparsity,
        MaskSelector.Granularity.LAYERWISE);
    MaskSelection wanda = Wanda.select(List.of(dense), layer.stats(), 1, sparsity, null);
    assertEquals(307, magnitude.pruned());
    assertEquals(307, wanda.pruned());
    double errSparseGpt = layer.error(sparsegpt);
    double errMagnitude = layer.error(masked(layer.weights, magnitude.mask("l.weight")));
    double errWanda = layer.error(masked(layer.weights, wanda.mask("l.weight")));
    System.out.printf("SparseGptTest 16x32 at 60%%: ||WX - W'X||_F sparsegpt %.4f, wanda %.4f, magnitude %.4f"
        + " (dense ||WX||_F %.4f)%n", errSparseGpt, errWanda, errMagnitude, layer.error(new float[ROWS * COLS]));
    assertTrue(errSparseGpt < errWanda, errSparseGpt + " vs wanda " + errWanda);
    assertTrue(errSparseGpt < errMagnitude, errSparseGpt + " vs magnitude " + errMagnitude);
  }

  @Test
  void everyBlockSizePrunesTheExactCountAndTwoFourKeepsTwoOfEveryFour() {
    Layer layer = Layer.random(11);
    for (int block : new int[] {1, 5, 8, COLS, 128}) {
      float[] w = prune(layer, "sparsegpt", Map.of("block-size", block), 0.3, null);
      assertEquals(Math.round(0.3 * ROWS * COLS), zeros(w), "block size " + block); // 154
    }
    // Equal scores (H = I, equal weights, no update): the lower flat index is pruned first.
    double[] identity = new double[16];
    for (int i = 0; i < 4; i++) {
      identity[i * 4 + i] = 1;
    }
    Layer ties = new Layer(new float[] {1, 1, 1, 1, 2, 1, 1, 2}, 2, 4, identity, null);
    assertArrayEquals(new float[] {0, 0, 0, 1, 2, 1, 1, 2},
        prune(ties, "sparsegpt", Map.of("block-size", 4), 0.375, null), 0f);
    NmPattern twoFour = new NmPattern(2, 4);
    float[] nm = prune(layer, "sparsegpt", Map.of("block-size", 8), 0.5, twoFour);
    for (int r = 0; r < ROWS; r++) {
      for (int g = 0; g < COLS; g += 4) {
        int kept = 0;
        for (int c = g; c < g + 4; c++) {
          kept += nm[r * COLS + c] != 0 ? 1 : 0;
        }
        assertEquals(2, kept, "row " + r + " inputs " + g + ".." + (g + 3));
      }
    }
    MaskSelection wanda = Wanda.select(List.of(layer.tensor(manager)), layer.stats(), 1, 0.5, twoFour);
    double errWanda = layer.error(masked(layer.weights, wanda.mask("l.weight")));
    System.out.printf("SparseGptTest 16x32 2:4: ||WX - W'X||_F sparsegpt %.4f, wanda %.4f%n", layer.error(nm),
        errWanda);
    assertTrue(layer.error(nm) < errWanda);
    // A block of 6 would split a group of 4 between two blocks.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> prune(layer, "sparsegpt", Map.of("block-size", 6), 0.5, twoFour));
    assertTrue(e.getMessage().contains("l.weight") && e.getMessage().contains("block size 6"), e.getMessage());
  }

  @Test
  void oneRowUpdateIsTheObsSolutionOverTheColumnsNotYetFixed() {
    // x = (z0, z0 + 0.3 z1, z1 - z2, z0 + z2 + 0.2 z3): correlated inputs, so the update is not trivial.
    Random random = new Random(3);
    double[] gram = new double[16];
    for (int t = 0; t < 64; t++) {
      double z0 = random.nextGaussian();
      double z1 = random.nextGaussian();
      double z2 = random.nextGaussian();
      double z3 = random.nextGaussian();
      double[] x = {z0, z0 + 0.3 * z1, z1 - z2, z0 + z2 + 0.2 * z3};
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          gram[i * 4 + j] += x[i] * x[j];
        }
      }
    }
    double[] damped = gram.clone();
    double damp = 0.01 * (gram[0] + gram[5] + gram[10] + gram[15]) / 4;
    for (int i = 0; i < 4; i++) {
      damped[i * 4 + i] += damp;
    }
    // U is the upper factor of H⁻¹: Uᵀ U H = I.
    double[] u = Cholesky.upperOfInverse(damped, 4);
    double[] inverse = invert(damped, 4);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += u[k * 4 + i] * u[k * 4 + j];
        }
        assertEquals(inverse[i * 4 + j], s, 1e-9, "H⁻¹ at " + i + "," + j);
      }
    }
    for (int q : new int[] {0, 2}) {
      float[] w = {0.9f, -0.6f, 0.7f, 0.5f};
      w[q] = 0.01f; // the one weight pruned at 25 %
      Layer layer = new Layer(w, 1, 4, gram, null);
      float[] pruned = prune(layer, "sparsegpt", Map.of("block-size", 4), 0.25, null);
      // Columns before q are fixed when the sweep reaches q; over F = {q, ..., 3}:
      // ŵ_F = w_F − w_q · [H_F⁻¹]_{q,:} / [H_F⁻¹]_qq, with H_F⁻¹ by a direct solve.
      int f = 4 - q;
      double[] hf = new double[f * f];
      for (int i = 0; i < f; i++) {
        for (int j = 0; j < f; j++) {
          hf[i * f + j] = damped[(q + i) * 4 + (q + j)];
        }
      }
      double[] hfInverse = invert(hf, f);
      float[] expected = w.clone();
      for (int j = 0; j < f; j++) {
        expected[q + j] = (float) (w[q + j] - w[q] * hfInverse[j] / hfInverse[0]);
      }
      assertEquals(0f, expected[q], 1e-7f);
      assertArrayEquals(expected, pruned, 1e-6f, "pruned column " + q);
      assertTrue(Math.abs(pruned[3] - w[3]) > 1e-3, "the update moved the last weight");
    }
  }

  @Test
  void embeddingTablesArePrunedAsWandaPrunesThem() {
    Layer layer = Layer.random(5);
    float[] table = new float[12 * 4];
    Random random = new Random(9);
    for (int i = 0; i < table.length; i++) {
      table[i] = (float) random.nextGaussian();
    }
    double[] reads = {3, 0, 1, 7, 2, 2, 0, 5, 1, 1, 4, 9};
    LinkedHashMap<String, InputStats> stats = new LinkedHashMap<>();
    stats.put("e.weight", new InputStats(reads, true));
    stats.putAll(layer.stats());
    PrunableTensor e = LiveTensors.tensor(manager, "e.weight", ModuleKind.EMBEDDING, -1, table, 12, 4);
    PrunableTensor l = layer.tensor(manager);
    PruningContext context = new PruningContext(List.of(e, l), 0.4, MaskSelector.Granularity.GLOBAL, 1, 10, manager,
        GradientProbe.NONE).withActivations(probe(stats));
    MaskSet masks = SparsityMethods.create("sparsegpt", Map.of()).initialMasks(context).orElseThrow();
    MaskSelection wanda = Wanda.select(List.of(e), stats, 8, 0.4, null);
    assertArrayEquals(wanda.mask("e.weight"), masks.selection().mask("e.weight"));
    assertArrayEquals(table, e.array().toFloatArray(), 0f); // no update of a table's kept weights
    assertEquals(Math.round(0.4 * 48) + Math.round(0.4 * ROWS * COLS), masks.numel() - masks.kept());
  }

  /** Runs a method by name on a fresh live copy of {@code layer}; the live weights after masking. */
  private float[] prune(Layer layer, String method, Map<String, Object> params, double sparsity, NmPattern pattern) {
    PrunableTensor t = layer.tensor(manager);
    PruningContext context = new PruningContext(List.of(t), sparsity, MaskSelector.Granularity.LAYERWISE, 1, 10,
        manager, GradientProbe.NONE, pattern, probe(layer.stats()), BatchGradients.NONE);
    SparsityMethod m = SparsityMethods.create(method, params);
    assertEquals(StartPoint.DENSE_FINETUNED, m.startPoint());
    try (MaskSet masks = m.initialMasks(context).orElseThrow()) {
      float[] before = t.array().toFloatArray();
      masks.applyTo(List.of(t));
      // The method already zeroed what its mask prunes.
      assertArrayEquals(before, t.array().toFloatArray(), 0f);
      assertEquals(zeros(before), masks.numel() - masks.kept());
    }
    return t.array().toFloatArray();
  }

  private static ActivationProbe probe(LinkedHashMap<String, InputStats> stats) {
    return new ActivationProbe() {
      @Override
      public LinkedHashMap<String, InputStats> inputStats(int batches) {
        return stats;
      }

      @Override
      public LinkedHashMap<String, InputStats> inputGrams(int batches) {
        return stats;
      }
    };
  }

  private static int zeros(float[] w) {
    int z = 0;
    for (float v : w) {
      z += v == 0 ? 1 : 0;
    }
    return z;
  }

  private static float[] masked(float[] w, boolean[] kept) {
    float[] out = w.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = kept[i] ? out[i] : 0;
    }
    return out;
  }

  /** Gauss-Jordan inverse with partial pivoting, independent of the Cholesky path. */
  private static double[] invert(double[] a, int n) {
    double[] m = a.clone();
    double[] inv = new double[n * n];
    for (int i = 0; i < n; i++) {
      inv[i * n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        p = Math.abs(m[r * n + c]) > Math.abs(m[p * n + c]) ? r : p;
      }
      for (int k = 0; k < n; k++) {
        double t = m[c * n + k];
        m[c * n + k] = m[p * n + k];
        m[p * n + k] = t;
        t = inv[c * n + k];
        inv[c * n + k] = inv[p * n + k];
        inv[p * n + k] = t;
      }
      double d = m[c * n + c];
      for (int k = 0; k < n; k++) {
        m[c * n + k] /= d;
        inv[c * n + k] /= d;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r * n + c];
          for (int k = 0; k < n; k++) {
            m[r * n + k] -= f * m[c * n + k];
            inv[r * n + k] -= f * inv[c * n + k];
          }
        }
      }
    }
    return inv;
  }

  /** A linear layer [rows, cols] with its calibration inputs (tokens × cols, null when only H is known). */
  private record Layer(float[] weights, int rows, int cols, double[] gram, double[][] inputs) {
    /** ROWS × COLS Gaussian weights; inputs mixing 8 latent factors plus 10 % noise, so inputs correlate. */
    static Layer random(long seed) {
      Random random = new Random(seed);
      float[] w = new float[ROWS * COLS];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) random.nextGaussian();
      }
      double[][] mixing = new double[8][COLS];
      for (double[] row : mixing) {
        for (int j = 0; j < COLS; j++) {
          row[j] = random.nextGaussian() * (1 + j % 3); // uneven input scales, as real activations have
        }
      }
      double[][] x = new double[TOKENS][COLS];
      for (double[] row : x) {
        double[] z = new double[8];
        for (int k = 0; k < 8; k++) {
          z[k] = random.nextGaussian();
        }
        for (int j = 0; j < COLS; j++) {
          double s = 0.1 * random.nextGaussian();
          for (int k = 0; k < 8; k++) {
            s += z[k] * mixing[k][j];
          }
          row[j] = s;
        }
      }
      double[] gram = new double[COLS * COLS];
      for (double[] row : x) {
        for (int i = 0; i < COLS; i++) {
          for (int j = 0; j < COLS; j++) {
            gram[i * COLS + j] += row[i] * row[j];
          }
        }
      }
      return new Layer(w, ROWS, COLS, gram, x);
    }

    PrunableTensor tensor(NDManager manager) {
      return LiveTensors.tensor(manager, "l.weight", ModuleKind.FFN_IN, 0, weights, rows, cols);
    }

    LinkedHashMap<String, InputStats> stats() {
      double[] squares = new double[cols];
      for (int i = 0; i < cols; i++) {
        squares[i] = gram[i * cols + i];
      }
      return new LinkedHashMap<>(Map.of("l.weight", new InputStats(squares, false, gram)));
    }

    /** ‖W X − Ŵ X‖_F over the calibration inputs. */
    double error(float[] approx) {
      double sum = 0;
      for (double[] x : inputs) {
        for (int r = 0; r < rows; r++) {
          double d = 0;
          for (int c = 0; c < cols; c++) {
            d += ((double) weights[r * cols + c] - approx[r * cols + c]) * x[c];
          }
          sum += d * d;
        }
      }
      return Math.sqrt(sum);
    }
  }
}
