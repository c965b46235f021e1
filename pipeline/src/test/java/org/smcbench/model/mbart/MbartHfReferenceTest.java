package org.smcbench.model.mbart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.smcbench.task.translation.GreedySearch;
import org.smcbench.task.translation.Hypothesis;
import org.smcbench.task.translation.LengthLimits;
import org.smcbench.task.translation.LengthPenalty;

/**
 * Against Hugging Face itself: a tiny {@code MBartForConditionalGeneration} saved by
 * {@code save_pretrained} (scripts/mbart_reference.py, transformers 5.18, torch 2.13) loads here,
 * gives the logits transformers computed, and greedy decoding with mBART-50's prompt produces the
 * ids {@code generate()} produced.
 */
class MbartHfReferenceTest {
  private static final Path FIXTURE = Path.of("src/test/resources/reference/mbart-tiny");

  @Test
  void logitsAndGreedyTranslationEqualTransformers() throws Exception {
    JsonObject expected = JsonParser.parseString(Files.readString(FIXTURE.resolve("expected.json"))).getAsJsonObject();
    HfMbartCheckpoint checkpoint = HfMbartCheckpoint.read(FIXTURE.toAbsolutePath().toString(), new Configuration());
    assertEquals(40, checkpoint.config().vocabSize());
    try (NDManager manager = NDManager.newBaseManager()) {
      MbartModel model = checkpoint.build(manager, 1);
      ParameterStore ps = new ParameterStore(manager, false);
      NDArray source = manager.create(longs(expected.getAsJsonArray("source")));
      NDArray mask = manager.create(longs(expected.getAsJsonArray("mask"))).toType(ai.djl.ndarray.types.DataType.FLOAT32,
          false);
      NDArray decoder = manager.create(longs(expected.getAsJsonArray("decoder_input")));
      float[] logits = model.forward(ps, new NDList(source, mask, decoder), false).singletonOrThrow().toFloatArray();
      JsonArray reference = expected.getAsJsonArray("logits");
      assertEquals(reference.size(), logits.length);
      for (int i = 0; i < logits.length; i++) {
        assertEquals(reference.get(i).getAsFloat(), logits[i], 2e-5f, "logit " + i);
      }
      // generate(max_new_tokens=8) counts the forced language token and the EOS it forces at the limit:
      // 6 free tokens, fairseq's max length 6 (EOS comes on top of it).
      List<Hypothesis> greedy;
      try (MbartDecoding decoding = new MbartDecoding(model, ps, source, mask, manager)) {
        greedy = new GreedySearch(new LengthPenalty(1.0), new LengthLimits(0, 6, 0))
            .decode(decoding, new int[][] {{2, 31}, {2, 31}}, new int[] {5, 3});
      }
      JsonArray ids = expected.getAsJsonArray("greedy");
      for (int s = 0; s < 2; s++) {
        long[] hf = longs(ids)[s];
        // Hugging Face's row: </s> lang generated... </s>; ours: the generated tokens without EOS.
        int[] want = new int[hf.length - 3];
        for (int i = 0; i < want.length; i++) {
          want[i] = (int) hf[i + 2];
        }
        assertEquals(2L, hf[hf.length - 1]);
        assertArrayEquals(want, greedy.get(s).tokens(), "sentence " + s);
      }
    }
  }

  private static long[][] longs(JsonArray rows) {
    long[][] out = new long[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      JsonArray row = rows.get(r).getAsJsonArray();
      out[r] = new long[row.size()];
      for (int i = 0; i < row.size(); i++) {
        out[r][i] = row.get(i).getAsLong();
      }
    }
    return out;
  }
}
