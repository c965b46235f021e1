package org.smcbench.model.gts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.TrainingSettings;
import org.smcbench.task.mwp.MwpData;
import org.smcbench.task.mwp.MwpFixture;
import org.smcbench.task.mwp.MwpTask;
import org.smcbench.train.StepHook;
import org.smcbench.train.TrainLoop;

/**
 * The real training loop fits the twenty fixture problems; beam search then solves all of them.
 * GTS, and Graph2Tree (whose batches carry the quantity graphs through the task).
 */
class GtsOverfitTest {
  static final ModelSettings SETTINGS = new ModelSettings("gts-test", "gts", "", "", 0, 0, 0.0, "");
  static final ModelSettings GRAPH2TREE = new ModelSettings("g2t-test", "graph2tree", "", "", 0, 0, 0.0, "");

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void fitsTwentyProblemsToFullAnswerAccuracy(boolean graph) {
    ModelSettings settings = graph ? GRAPH2TREE : SETTINGS;
    MwpData data = MwpFixture.data();
    GtsConfig config = GtsConfig.forData(data, 32, 64, 0.0);
    // Graph2Tree's graph module (dropout 0.3 of its own) needs more steps on the same data.
    TrainingSettings training = new TrainingSettings(1e-2, 20, graph ? 300 : 120, 10, 0.0, 0.9, 0.999, 1e-8, 0, 0, 10);
    MwpTask task = new MwpTask();
    // One intra-op thread: at this toy size it is as fast as two, and it does not collapse when
    // other processes load the machine (two spinning OpenMP threads then ran 20-40x slower here).
    Engine.getEngine("PyTorch").setRandomSeed(11); // loads the natives JniUtils calls into; fixes dropout masks
    int threads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    try (NDManager manager = NDManager.newBaseManager()) {
      GtsModel model = new GtsModel(config, 11, graph);
      model.initializeParameters(manager);
      long t0 = System.nanoTime();
      TrainLoop.Outcome outcome = TrainLoop.run(model, task, data, settings, training, 11, manager, StepHook.NONE,
          step -> {});
      long t1 = System.nanoTime();
      Map<String, Double> metrics = task.evaluate(model, data, settings, training.evalBatchSize(), manager);
      long t2 = System.nanoTime();
      System.out.printf("%s overfit: %d steps, last loss %.4f, %.2f ms/step, %.2f ms/problem beam search, %s%n",
          settings.family(), outcome.steps(), outcome.lastLoss(), (t1 - t0) / 1e6 / training.steps(), (t2 - t1) / 1e6 / data.size(),
          metrics);
      assertTrue(outcome.lastLoss() < 0.05, "training loss " + outcome.lastLoss());
      assertEquals(1.0, metrics.get("answer_accuracy"));
      assertEquals(1.0, metrics.get("equation_accuracy"));
      assertEquals(20.0, metrics.get("eval_examples"));
    } finally {
      JniUtils.setNumThreads(threads);
    }
  }
}
