package org.smcbench.model.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.data.protein.TapeVocabulary;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.bert.BertConfig;
import org.smcbench.sparsity.PruningScope;

/** The protein runs' scopes pick exactly TAPE's attention and FFN matrices, as they do ESM's. */
class TapeScopeTest {
  private static final List<PrunableTensor> SCOPE = new TapePropertyModel(
      new BertConfig(TapeVocabulary.SIZE, 8, 2, 2, 16, 12, 1, 1e-12, 0, 0.0), 2, 1).prunableScope();

  private static List<String> select(String label) {
    return PruningScope.fromLabel(label).select(SCOPE).stream().map(PrunableTensor::name).toList();
  }

  private static List<String> perLayer(String... suffixes) {
    List<String> out = new java.util.ArrayList<>();
    for (int l = 0; l < 2; l++) {
      for (String s : suffixes) {
        out.add("encoder.layer." + l + "." + s);
      }
    }
    return out;
  }

  @Test
  void attentionFfnIsTheSixMatricesOfEveryLayer() {
    assertEquals(perLayer("attention.self.query.weight", "attention.self.key.weight", "attention.self.value.weight",
        "attention.output.dense.weight", "intermediate.dense.weight", "output.dense.weight"), select("attention-ffn"));
  }

  @Test
  void eachModuleKindSelectsItsMatrices() {
    assertEquals(perLayer("attention.self.query.weight"), select("attention_q"));
    assertEquals(perLayer("attention.self.key.weight"), select("attention_k"));
    assertEquals(perLayer("attention.self.value.weight"), select("attention_v"));
    assertEquals(perLayer("attention.output.dense.weight"), select("attention_o"));
    assertEquals(perLayer("intermediate.dense.weight", "output.dense.weight"), select("ffn"));
  }

  @Test
  void embeddingsAndTheHeadAreOutsideTheProteinScopeOnly() {
    assertEquals(List.of("embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
        "embeddings.token_type_embeddings.weight"), select("embedding"));
    assertEquals(List.of("classifier.weight"), select("head"));
    assertEquals(3 + 12 + 1, select("all-matrices").size());
  }
}
