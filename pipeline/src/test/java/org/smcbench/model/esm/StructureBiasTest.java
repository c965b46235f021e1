package org.smcbench.model.esm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.model.SeededInit;

class StructureBiasTest {
  private static final int HEADS = 2;
  private static final int K = StructureBias.RBF_COUNT;
  /** {@code <cls>}, three residues with a Cα, one unresolved residue (NaN), {@code <eos>}. */
  private static final int T = 6;
  private static final float NAN = Float.NaN;
  private static final float[] COORDS = {
      9, 9, 9,
      0, 0, 0,
      3.8f, 0, 0,
      3.8f, 3.8f, 0,
      NAN, NAN, NAN,
      -7, 2, 1};
  private static final float[] COORD_MASK = {0, 1, 1, 1, 0, 0};

  private static StructureBias initialised(NDManager m, long seed) {
    StructureBias block = new StructureBias(TinyEsm.esm2(), 1, seed);
    block.initialize(m, DataType.FLOAT32, new Shape(1, T, T, K), new Shape(1, 1, T, T));
    return block;
  }

  private static Map<String, Parameter> named(StructureBias block) {
    Map<String, Parameter> named = new LinkedHashMap<>();
    block.putNamedParameters(named);
    return named;
  }

  @Test
  void parametersAreNamedPerLayerAndSeeded() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, Parameter> named = named(initialised(m, 42));
      String weight = "encoder.layer.1.attention.structure_bias.weight";
      String bias = "encoder.layer.1.attention.structure_bias.bias";
      assertEquals(List.of(weight, bias), List.copyOf(named.keySet()));
      assertEquals(new Shape(HEADS, K), named.get(weight).getArray().getShape());
      float[] expected = SeededInit.normal(42, weight, 0.02)
          .initialize(m, new Shape(HEADS, K), DataType.FLOAT32).toFloatArray();
      assertArrayEquals(expected, named.get(weight).getArray().toFloatArray());
      assertArrayEquals(new float[HEADS], named.get(bias).getArray().toFloatArray());
    }
  }

  @Test
  void biasIsTheProjectedRadialBasisOfHandComputedDistancesAndZeroWhereUnresolved() {
    try (NDManager m = NDManager.newBaseManager()) {
      StructureBias block = initialised(m, 3);
      float[] w = new float[HEADS * K];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) Math.sin(1.7 * i + 0.3); // every basis function weighted differently
      }
      float[] b = {0.25f, -0.6f};
      Map<String, Parameter> named = named(block);
      named.get("encoder.layer.1.attention.structure_bias.weight").getArray().set(FloatBuffer.wrap(w));
      named.get("encoder.layer.1.attention.structure_bias.bias").getArray().set(FloatBuffer.wrap(b));

      NDList features = StructureBias.features(m.create(COORDS, new Shape(1, T, 3)),
          m.create(COORD_MASK, new Shape(1, T)));
      float[] bias = block.forward(new ParameterStore(m, false), features, false).singletonOrThrow().toFloatArray();
      assertEquals(HEADS * T * T, bias.length);

      // Residues sit at tokens 1..3: an L of two 3.8 Å legs, so d(1, 3) is the diagonal.
      double leg = 3.8;
      double[][] d = new double[T][T];
      d[1][2] = d[2][1] = leg;
      d[2][3] = d[3][2] = leg;
      d[1][3] = d[3][1] = Math.sqrt(2 * leg * leg);
      double sigma = 20.0 / 15;
      for (int h = 0; h < HEADS; h++) {
        for (int i = 0; i < T; i++) {
          for (int j = 0; j < T; j++) {
            float actual = bias[(h * T + i) * T + j];
            if (COORD_MASK[i] == 0 || COORD_MASK[j] == 0) {
              assertTrue(actual == 0f, "masked pair (" + i + ", " + j + ") head " + h + ": " + actual);
              continue;
            }
            double expected = b[h];
            for (int k = 0; k < K; k++) {
              double z = (d[i][j] - k * sigma) / sigma;
              expected += w[h * K + k] * Math.exp(-z * z);
            }
            assertEquals(expected, actual, 1e-5, "pair (" + i + ", " + j + ") head " + h);
          }
        }
      }
    }
  }

  @Test
  void centresSpanZeroToTwentyAngstromAtTheirSpacing() {
    assertEquals(0f, StructureBias.centre(0));
    assertEquals(20f, StructureBias.centre(K - 1), 1e-6f);
    assertEquals(20f / 15, StructureBias.spacing(), 1e-7f);
  }
}
