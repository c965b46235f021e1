package org.smcbench.data.protein;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.smcbench.model.ModelFamilies;
import org.smcbench.task.Batch;
import org.smcbench.task.protein.ProteinData;
import org.smcbench.task.protein.ProteinTask;

/** TAPE's ids (tape/tokenizers.py IUPAC_VOCAB) for the residues ingest stores, and their batches. */
class TapeVocabularyTest {
  @Test
  void encodesBetweenClsAndSepWithTapesIds() {
    assertEquals(30, TapeVocabulary.SIZE);
    // <cls>=2, M=16, K=14, V=25, L=15, A=5, W=26, Y=28, Z=29, <sep>=3
    assertArrayEquals(new int[] {2, 16, 14, 25, 15, 5, 26, 28, 29, 3}, TapeVocabulary.encode("MKVLAWYZ", 0));
    assertArrayEquals(new int[] {2, 16, 14, 25, 15, 5, 26, 28, 29, 3},
        ProteinVocabulary.TAPE.ids("MKVLAWYZ", new int[] {0, 20, 15, 7, 4, 5, 22, 19, 27, 2}));
    // The ESM ids ingest stored are what the ESM vocabulary reads.
    int[] esm = EsmAlphabet.encode("MKV", 0);
    assertArrayEquals(esm, ProteinVocabulary.ESM.ids("MKV", esm));
  }

  @Test
  void residuesTapeLacksBecomeUnk() {
    // The ESM alphabet's gap symbols and anything else outside A-Z without J.
    assertArrayEquals(new int[] {2, 16, 4, 14, 4, 4, 4, 4, 3}, TapeVocabulary.encode("M.K-J*\u00e9", 0));
    assertEquals(TapeVocabulary.UNK, ModelFamilies.get("tape").proteinVocabulary().ids("-", null)[1]);
  }

  @Test
  void eachProteinFamilyDeclaresTheIdsItReads() {
    assertEquals(ProteinVocabulary.TAPE, ModelFamilies.get("tape").proteinVocabulary());
    assertEquals(ProteinVocabulary.ESM, ModelFamilies.get("esm").proteinVocabulary());
    assertEquals(ProteinVocabulary.ESM, ModelFamilies.get("esm-structure").proteinVocabulary());
  }

  @Test
  void truncatesAsEsmDoesKeepingTheStopToken() {
    int[] ids = TapeVocabulary.encode("MKVLA", 0);
    assertArrayEquals(new int[] {2, 16, 14, 3}, ProteinVocabulary.TAPE.truncate(ids, 4));
    assertArrayEquals(ids, ProteinVocabulary.TAPE.truncate(ids, 7));
    assertArrayEquals(TapeVocabulary.encode("MKVLA", 2), ProteinVocabulary.TAPE.truncate(ids, 4));
    assertArrayEquals(new int[] {0, 20, 15, 2}, EsmAlphabet.truncate(EsmAlphabet.encode("MKVLA", 0), 4));
  }

  @Test
  void batchesPadWithTapesPadAndPoolOnlyResidues() {
    int[][] tokens = {TapeVocabulary.encode("MKV", 0), TapeVocabulary.encode("A", 0)};
    ProteinData data = new ProteinData(new String[] {"a", "b"}, tokens, new int[] {0, 1}, null, 2, 0, 1, Double.NaN,
        null, 0, ProteinVocabulary.TAPE);
    try (NDManager m = NDManager.newBaseManager()) {
      Batch batch = ProteinTask.classification().batch(data, new int[] {0, 1}, null, m);
      assertArrayEquals(new long[] {2, 16, 14, 25, 3, 2, 5, 3, 0, 0}, batch.inputs().get(0).toLongArray());
      assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 0}, batch.inputs().get(1).toLongArray());
      assertArrayEquals(new float[] {0, 1, 1, 1, 0, 0, 1, 0, 0, 0}, batch.inputs().get(2).toFloatArray());
    }
  }
}
