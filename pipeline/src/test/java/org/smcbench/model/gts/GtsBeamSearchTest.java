package org.smcbench.model.gts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.smcbench.config.TrainingSettings;
import org.smcbench.task.Batch;
import org.smcbench.task.mwp.MwpData;
import org.smcbench.task.mwp.MwpFixture;
import org.smcbench.task.mwp.MwpTask;
import org.smcbench.train.StepHook;
import org.smcbench.train.TrainLoop;

/** Beam search on a partly trained model (so predictions differ and some are wrong). */
class GtsBeamSearchTest {
  private static final int MAX_LENGTH = 9;
  private static MwpData data;
  private static NDManager manager;
  private static GtsModel model;
  private static ParameterStore store;
  private static Batch batch;
  private static int threads;

  @BeforeAll
  static void trainBriefly() {
    data = MwpFixture.data();
    Engine.getEngine("PyTorch");
    threads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1); // as in GtsOverfitTest: robust when the machine is loaded
    manager = NDManager.newBaseManager();
    model = new GtsModel(GtsConfig.forData(data, 24, 32, 0.0), 21);
    model.initializeParameters(manager);
    TrainLoop.run(model, new MwpTask(), data, GtsOverfitTest.SETTINGS,
        new TrainingSettings(1e-2, 10, 12, 0, 0.0, 0.9, 0.999, 1e-8, 0, 0, 10), 21, manager, StepHook.NONE, s -> {});
    store = new ParameterStore(manager, false);
    int[] all = new int[data.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    batch = new MwpTask().batch(data, all, null, manager);
  }

  @AfterAll
  static void close() {
    manager.close();
    JniUtils.setNumThreads(threads);
  }

  @Test
  void beamOfOneIsGreedy() {
    NDList beam = model.decode(store, batch.inputs(), 1, MAX_LENGTH);
    NDList greedy = model.decodeGreedy(store, batch.inputs(), MAX_LENGTH);
    assertArrayEquals(greedy.get(0).toLongArray(), beam.get(0).toLongArray());
    assertArrayEquals(greedy.get(1).toLongArray(), beam.get(1).toLongArray());
    java.util.Set<String> distinct = new java.util.HashSet<>();
    long[] ids = greedy.get(0).toLongArray();
    for (int p = 0; p < data.size(); p++) {
      distinct.add(java.util.Arrays.toString(java.util.Arrays.copyOfRange(ids, p * MAX_LENGTH, (p + 1) * MAX_LENGTH)));
    }
    System.out.println("GTS partly trained: " + distinct.size() + " distinct greedy predictions over 20 problems");
    assertTrue(distinct.size() >= 3, "the comparison needs varied predictions, got " + distinct);
  }

  @Test
  void beamSearchReturnsWellFormedPrefixExpressions() {
    GtsConfig config = model.config();
    for (int width : new int[] {1, 3, 5}) {
      NDList out = model.decode(store, batch.inputs(), width, MAX_LENGTH);
      long[] ids = out.get(0).toLongArray();
      long[] complete = out.get(1).toLongArray();
      int completeCount = 0;
      for (int p = 0; p < data.size(); p++) {
        int open = 1;
        int length = 0;
        boolean stoppedAtRoot = false;
        for (int j = 0; j < MAX_LENGTH && ids[p * MAX_LENGTH + j] >= 0; j++) {
          long id = ids[p * MAX_LENGTH + j];
          assertTrue(id < config.outputSize(), "id in the output vocabulary");
          int q = (int) id - config.operators() - config.constants();
          assertTrue(q < data.quantities()[p].length, "never a quantity slot the problem lacks");
          assertTrue(open > 0, "no token after the tree is complete");
          open += id < config.operators() ? 1 : -1;
          length++;
          stoppedAtRoot = open == 0;
        }
        if (complete[p] == 1) {
          completeCount++;
          assertTrue(stoppedAtRoot, "a complete prediction is a full binary prefix tree");
        } else {
          assertEquals(MAX_LENGTH, length, "only the length limit leaves a tree incomplete");
        }
      }
      assertTrue(completeCount >= data.size() / 2, "width " + width + ": " + completeCount + " complete");
    }
  }
}
