package org.smcbench.task.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smcbench.config.ModelSettings;
import org.smcbench.data.McTokens;
import org.smcbench.model.bert.BertConfig;
import org.smcbench.model.bert.MultipleChoiceModel;

/** Length-grouped evaluation batches change the padding, never the predictions. */
class EvaluationOrderTest {
  private static final ModelSettings SETTINGS =
      new ModelSettings("tiny", "bert-mc", "none", "", 1, 24, 0.0, "cls");

  private static McData questions(int n, long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    List<McTokens> tokens = new ArrayList<>();
    int[] labels = new int[n];
    for (int q = 0; q < n; q++) {
      int[] context = random.ints(random.nextInt(12), 5, 50).toArray();
      int[][] firsts = new int[3][];
      int[][] seconds = new int[3][];
      for (int c = 0; c < 3; c++) {
        firsts[c] = random.ints(1 + random.nextInt(4), 5, 50).toArray();
        seconds[c] = random.ints(1 + random.nextInt(3), 5, 50).toArray();
      }
      ids.add("q" + q);
      tokens.add(new McTokens(context, firsts, seconds));
      labels[q] = random.nextInt(3);
    }
    return new McData(ids, tokens, labels, 3, 1, 2, 0, 0);
  }

  @Test
  void orderIsAPermutationByLongestChoice() {
    McData data = questions(40, 3);
    int[] order = MultipleChoiceTask.byInputLength(data, SETTINGS);
    boolean[] seen = new boolean[data.size()];
    int previous = 0;
    for (int q : order) {
      seen[q] = true;
      int longest = 0;
      for (int c = 0; c < 3; c++) {
        longest = Math.max(longest, McEncoder.encode(data.tokens().get(q), c, 24, 1, 2)[0].length);
      }
      assertTrue(longest >= previous, "sorted by length");
      previous = longest;
    }
    boolean[] all = new boolean[data.size()];
    java.util.Arrays.fill(all, true);
    assertArrayEquals(all, seen);
  }

  @Test
  void groupedBatchesGiveTheAccuracyOfOneQuestionAtATime() {
    McData data = questions(40, 5);
    MultipleChoiceTask task = new MultipleChoiceTask();
    try (NDManager manager = NDManager.newBaseManager()) {
      MultipleChoiceModel model = new MultipleChoiceModel(new BertConfig(50, 16, 1, 2, 32, 32, 2, 1e-12, 0, 0.0), 9);
      model.initializeParameters(manager);
      Map<String, Double> batched = task.evaluate(model, data, SETTINGS, 8, manager);
      Map<String, Double> single = task.evaluate(model, data, SETTINGS, 1, manager);
      assertEquals(40.0, batched.get("eval_examples"));
      assertEquals(single.get("accuracy"), batched.get("accuracy"));
      assertTrue(batched.get("accuracy") > 0 && batched.get("accuracy") < 1, "a model that is neither always right"
          + " nor always wrong, so the comparison means something: " + batched.get("accuracy"));
    }
  }
}
