package org.smcbench.model.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class RotaryTest {
  private static final int T = 12;
  private static final int D = 8;

  /** The same vector at every position [1, 1, T, D], rotated. */
  private static float[][] rotatedAtEveryPosition(NDManager m, float[] vector) {
    float[] repeated = new float[T * D];
    for (int t = 0; t < T; t++) {
      System.arraycopy(vector, 0, repeated, t * D, D);
    }
    NDList tables = Rotary.tables(m, T, D);
    float[] flat = Rotary.apply(m.create(repeated, new Shape(1, 1, T, D)), tables.get(0), tables.get(1)).toFloatArray();
    float[][] rows = new float[T][D];
    for (int t = 0; t < T; t++) {
      System.arraycopy(flat, t * D, rows[t], 0, D);
    }
    return rows;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void scoreDependsOnlyOnTheOffsetBetweenPositions() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] q = {0.3f, -1.2f, 0.8f, 0.5f, -0.7f, 1.1f, 0.2f, -0.4f};
      float[] k = {-0.6f, 0.9f, 0.4f, -1.3f, 0.25f, 0.7f, -0.9f, 0.15f};
      float[][] rq = rotatedAtEveryPosition(m, q);
      float[][] rk = rotatedAtEveryPosition(m, k);
      for (int shift = 1; shift <= 5; shift++) {
        for (int mPos = 0; mPos + shift < T; mPos++) {
          for (int nPos = 0; nPos + shift < T; nPos++) {
            assertEquals(dot(rq[mPos], rk[nPos]), dot(rq[mPos + shift], rk[nPos + shift]), 1e-5,
                "(" + mPos + ", " + nPos + ") shifted by " + shift);
          }
        }
      }
      // ... and it does depend on the offset (an identity "rotation" would pass the loop above).
      assertTrue(Math.abs(dot(rq[0], rk[0]) - dot(rq[0], rk[3])) > 0.1);
      assertEquals(dot(q, k), dot(rq[4], rk[4]), 1e-5, "zero offset gives the plain dot product");
    }
  }

  @Test
  void anglesArePositionTimesInverseFrequencyOverTwoHalves() {
    try (NDManager m = NDManager.newBaseManager()) {
      // d = 4: pair (0, 2) turns by p rad, pair (1, 3) by p / 100 rad (10000^(-2/4)).
      NDList tables = Rotary.tables(m, 3, 4);
      float[] x = {1, 2, 3, 4};
      NDArray input = m.create(new float[] {1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4}, new Shape(3, 4));
      float[] out = Rotary.apply(input, tables.get(0), tables.get(1)).toFloatArray();
      for (int p = 0; p < 3; p++) {
        double a = p;
        double b = p / 100.0;
        float[] expected = {
            (float) (x[0] * Math.cos(a) - x[2] * Math.sin(a)),
            (float) (x[1] * Math.cos(b) - x[3] * Math.sin(b)),
            (float) (x[2] * Math.cos(a) + x[0] * Math.sin(a)),
            (float) (x[3] * Math.cos(b) + x[1] * Math.sin(b))};
        for (int i = 0; i < 4; i++) {
          assertEquals(expected[i], out[p * 4 + i], 1e-5, "position " + p + " dim " + i);
        }
      }
    }
  }
}
