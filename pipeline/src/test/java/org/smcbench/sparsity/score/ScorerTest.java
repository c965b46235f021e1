package org.smcbench.sparsity.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.sparsity.LiveTensors;

class ScorerTest {

  @Test
  void magnitudeIsAbsoluteValueInScopeOrder() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<PrunableTensor> scope = List.of(
          LiveTensors.tensor(m, "q", ModuleKind.ATTN_Q, 0, new float[] {-1.5f, 2f, -0.0f, 0.25f,
              3f, -4f}, 2, 3),
          LiveTensors.tensor(m, "fc1", ModuleKind.FFN_IN, 0, new float[] {0.5f, -0.5f, 7f, -8f}, 4));
      LinkedHashMap<String, float[]> s = new MagnitudeScorer().score(scope);
      assertEquals(List.of("q", "fc1"), List.copyOf(s.keySet()));
      assertArrayEquals(new float[] {1.5f, 2f, 0f, 0.25f, 3f, 4f}, s.get("q"));
      assertArrayEquals(new float[] {0.5f, 0.5f, 7f, 8f}, s.get("fc1"));
      // weights untouched
      assertArrayEquals(new float[] {0.5f, -0.5f, 7f, -8f}, scope.get(1).array().toFloatArray());
    }
  }

  @Test
  void randomScoresDependOnSeedAndNameOnly() {
    try (NDManager m = NDManager.newBaseManager()) {
      PrunableTensor a = LiveTensors.tensor(m, "a", ModuleKind.FFN_IN, 0, new float[1000], 10, 100);
      PrunableTensor b = LiveTensors.tensor(m, "b", ModuleKind.FFN_OUT, 0, new float[500], 500);
      var ab = new RandomScorer(42).score(List.of(a, b));
      var ba = new RandomScorer(42).score(List.of(b, a));
      var again = new RandomScorer(42).score(List.of(a));
      var other = new RandomScorer(43).score(List.of(a, b));
      assertArrayEquals(ab.get("a"), ba.get("a"));
      assertArrayEquals(ab.get("b"), ba.get("b"));
      assertArrayEquals(ab.get("a"), again.get("a"));
      assertFalse(Arrays.equals(ab.get("a"), other.get("a")));
      assertFalse(Arrays.equals(ab.get("b"), other.get("b")));
      assertFalse(Arrays.equals(Arrays.copyOf(ab.get("a"), 500), ab.get("b")));
      for (float v : ab.get("a")) {
        assertTrue(v >= 0f && v < 1f, "score " + v);
      }
      double mean = 0;
      for (float v : ab.get("a")) {
        mean += v / 1000.0;
      }
      assertEquals(0.5, mean, 0.05);
    }
  }

  @Test
  void duplicateNamesAreRejected() {
    try (NDManager m = NDManager.newBaseManager()) {
      PrunableTensor a = LiveTensors.tensor(m, "a", ModuleKind.OTHER, -1, new float[2], 2);
      assertThrows(IllegalArgumentException.class,
          () -> new MagnitudeScorer().score(List.of(a, a)));
      assertThrows(IllegalArgumentException.class,
          () -> new RandomScorer(1).score(List.of(a, a)));
    }
  }
}
