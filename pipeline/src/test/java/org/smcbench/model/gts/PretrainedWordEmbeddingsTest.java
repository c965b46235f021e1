package org.smcbench.model.gts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.ModelSettings;
import org.smcbench.data.TextTokenizer;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.ModelFamilies;
import org.smcbench.model.bert.BertMultipleChoiceFamily;
import org.smcbench.task.mwp.MwpData;
import org.smcbench.task.mwp.MwpFixture;
import org.smcbench.task.mwp.WordVocab;

/** Tree-decoder input embeddings from MiniLM's token table: each word the mean of its sub-word rows. */
class PretrainedWordEmbeddingsTest {
  private static final ModelSettings MINILM = ConfigLoader.load(null, List.of(), java.util.Map.of()).model("minilm");

  @Test
  void eachWordIsTheMeanOfItsSubwordRows() throws Exception {
    WordVocab vocab = new WordVocab(List.of("<pad>", "<unk>", "NUM", "apples", "cantelopes"));
    FloatTensor tokens = BertMultipleChoiceFamily.tokenEmbeddings(MINILM);
    FloatTensor table = PretrainedWordEmbeddings.table(vocab, MINILM);
    int dim = (int) tokens.shape()[1];
    assertArrayEquals(new long[] {5, dim}, table.shape());
    try (TextTokenizer tokenizer = TextTokenizer.fromJson(
        new ByteArrayInputStream(ModelFamilies.get(MINILM.family()).tokenizerJson(MINILM)))) {
      int[] split = tokenizer.encode("cantelopes");
      assertTrue(split.length > 1, "a rare word is several word pieces: " + Arrays.toString(split));
      for (int w : new int[] {3, 4}) {
        int[] ids = tokenizer.encode(vocab.words().get(w));
        for (int d = 0; d < dim; d += 37) {
          double mean = 0;
          for (int id : ids) {
            mean += tokens.data()[id * dim + d];
          }
          assertEquals(mean / ids.length, table.data()[w * dim + d], 1e-6);
        }
      }
      int number = tokenizer.encode("number")[0];
      assertEquals(tokens.data()[number * dim + 5], table.data()[WordVocab.NUM * dim + 5], 1e-6);
    }
    for (int d = 0; d < dim; d++) {
      assertEquals(0f, table.data()[WordVocab.PAD * dim + d]);
    }
  }

  @Test
  void theFamilyStartsFromTheTableAtItsWidth() {
    MwpData data = MwpFixture.data();
    ModelSettings gts = new ModelSettings("gts", "gts", "none", "", 0, 512, 0.5, "mean", 0, 32, 0, MINILM,
        ModelSettings.TABLE);
    try (NDManager manager = NDManager.newBaseManager()) {
      GtsModel model = (GtsModel) ModelFamilies.get("gts").build(gts, data, manager, 1);
      assertEquals(384, model.config().embedding());
      float[] live = model.namedParameters().get(WordEmbedding.NAME).getArray().toFloatArray();
      assertArrayEquals(PretrainedWordEmbeddings.table(data.words(), MINILM).data(), live);
    }
  }
}
