package org.smcbench.pretrain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.io.Serializable;
import java.util.Map;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.PretrainSettings;
import org.smcbench.config.TrainingSettings;
import org.smcbench.model.esm.EsmConfig;
import org.smcbench.model.esm.EsmFamily;
import org.smcbench.model.esm.EsmMaskedLm;
import org.smcbench.model.esm.HfEsmCheckpoint;
import org.smcbench.sweep.Devices;
import org.smcbench.train.StepHook;
import org.smcbench.train.TrainLoop;

/**
 * One masked-LM pre-training, run inside a Spark task (so it lands on an executor's GPU on a
 * cluster): build the encoder and its LM head from the model entry's shape, train on the corpus
 * with the project's training loop, score the held-out sequences, and write the checkpoint in
 * Hugging Face layout to {@code location} (any Hadoop file system) for the sweep to fine-tune from.
 */
public record PretrainTask(ModelSettings model, int[][] train, int[][] heldOut, String location, long sourceVersion,
    String device, int threads) implements Pretraining {

  /** What a finished pre-training reports. */
  public record Result(int steps, double lastLoss, Map<String, Double> heldOutMetrics, double seconds,
      String device) implements Serializable {}

  @Override
  public Result run() {
    long started = System.nanoTime();
    Engine engine = Engine.getEngine("PyTorch");
    JniUtils.setGradMode(false);
    Devices.setThreads(threads);
    PretrainSettings p = model.pretrain();
    engine.setRandomSeed(p.seed());
    Devices.Placement placement = Devices.place(device);
    Device dev = placement.device();
    EsmConfig config = EsmFamily.configOf(model);
    TrainingSettings training = new TrainingSettings(p.learningRate(), p.batchSize(), p.steps(), p.warmupSteps(),
        p.weightDecay(), 0.9, 0.98, 1e-8, 0, 0, 64, Map.of());
    MlmTask task = new MlmTask();
    try (NDManager root = NDManager.newBaseManager(dev)) {
      EsmMaskedLm lm = new EsmMaskedLm(config, p.seed());
      lm.initializeParameters(root);
      TrainLoop.Outcome trained = TrainLoop.run(lm, task, new MlmData(train, p.maskProbability(), p.seed(), false,
          sourceVersion), model, training, p.seed(), root, StepHook.NONE, step -> {});
      Map<String, Double> metrics = task.evaluate(lm, new MlmData(heldOut, p.maskProbability(), p.seed() + 1, true,
          sourceVersion), model, training.evalBatchSize(), root);
      write(config, lm);
      return new Result(trained.steps(), trained.lastLoss(), metrics, (System.nanoTime() - started) / 1e9,
          placement.label());
    }
  }

  private void write(EsmConfig config, EsmMaskedLm lm) {
    CheckpointUpload.write(location, local ->
        HfEsmCheckpoint.write(local, config, lm.encoderParameters(), lm.lmHeadParameters()));
  }
}
