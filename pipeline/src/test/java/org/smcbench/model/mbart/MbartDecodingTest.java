package org.smcbench.model.mbart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.smcbench.task.translation.TopK;

/** Cached step-by-step decoding scores exactly what teacher forcing scores, row selection included. */
class MbartDecodingTest {
  private static final MbartConfig C = MbartModelTest.TINY;

  @Test
  void everyStepMatchesTeacherForcingAndRowsFollowTheirParents() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MbartModel model = new MbartModel(C, 11);
      model.initializeParameters(manager);
      ParameterStore ps = new ParameterStore(manager, false);
      NDList inputs = MbartModelTest.inputs(manager);
      long[][] target = {{2, 31, 8, 9}, {2, 31, 10, 12}};
      NDArray forced = model.forward(ps, new NDList(inputs.get(0), inputs.get(1), manager.create(target)), false)
          .singletonOrThrow().logSoftmax(2);
      float[] expected = forced.toFloatArray();
      int v = C.vocabSize();
      int k = v - 1; // everything but padding
      try (MbartDecoding decoding = new MbartDecoding(model, ps, inputs.get(0), inputs.get(1), manager)) {
        // Step 0: one row per sentence, in reverse order, to prove parents select sentences.
        int[] sentenceOfRow = {1, 0};
        int[] parents = sentenceOfRow;
        for (int t = 0; t < 4; t++) {
          int[] tokens = {(int) target[sentenceOfRow[0]][t], (int) target[sentenceOfRow[1]][t]};
          TopK top = decoding.step(tokens, parents, k);
          for (int r = 0; r < 2; r++) {
            int sentence = sentenceOfRow[r];
            assertEquals(expected[(sentence * 4 + t) * v + C.eosId()], top.eosLogProbs()[r], 1e-5f);
            for (int j = 0; j < k; j++) {
              int token = top.tokens()[r][j];
              assertTrue(token != C.padId(), "padding proposed");
              assertEquals(expected[(sentence * 4 + t) * v + token], top.logProbs()[r][j], 1e-5f,
                  "step " + t + " row " + r + " token " + token);
              if (j > 0) {
                assertTrue(top.logProbs()[r][j] <= top.logProbs()[r][j - 1], "not best first");
              }
            }
          }
          parents = new int[] {0, 1}; // after step 0, parents index the previous rows
        }
      }
    }
  }

  @Test
  void aForkedRowContinuesItsParentsPrefix() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MbartModel model = new MbartModel(C, 5);
      model.initializeParameters(manager);
      ParameterStore ps = new ParameterStore(manager, false);
      NDList inputs = MbartModelTest.inputs(manager);
      NDArray source = inputs.get(0).get("0:1");
      NDArray mask = inputs.get(1).get("0:1");
      long[][] a = {{2, 31, 8}};
      long[][] b = {{2, 31, 12}};
      float[] expectA = model.forward(ps, new NDList(source, mask, manager.create(a)), false).singletonOrThrow()
          .logSoftmax(2).get("0, 2").toFloatArray();
      float[] expectB = model.forward(ps, new NDList(source, mask, manager.create(b)), false).singletonOrThrow()
          .logSoftmax(2).get("0, 2").toFloatArray();
      try (MbartDecoding decoding = new MbartDecoding(model, ps, source, mask, manager)) {
        decoding.step(new int[] {2}, new int[] {0}, 3);
        decoding.step(new int[] {31}, new int[] {0}, 3);
        TopK top = decoding.step(new int[] {8, 12}, new int[] {0, 0}, 3); // one hypothesis forks in two
        assertEquals(expectA[top.tokens()[0][0]], top.logProbs()[0][0], 1e-5f);
        assertEquals(expectB[top.tokens()[1][0]], top.logProbs()[1][0], 1e-5f);
        TopK next = decoding.step(new int[] {9}, new int[] {1}, 3); // only the second survives
        assertEquals(1, next.rows());
      }
    }
  }
}
