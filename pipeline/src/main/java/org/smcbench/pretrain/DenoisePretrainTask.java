package org.smcbench.pretrain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.PretrainSettings;
import org.smcbench.config.TrainingSettings;
import org.smcbench.model.mbart.HfMbartCheckpoint;
import org.smcbench.model.mbart.MbartFamily;
import org.smcbench.model.mbart.MbartModel;
import org.smcbench.sweep.Devices;
import org.smcbench.train.StepHook;
import org.smcbench.train.TrainLoop;

/**
 * One denoising pre-training of an mBART-style model, run inside a Spark task: build the model
 * from the entry's shape over the tokenizer's vocabulary, train it to reconstruct noised documents
 * with the project's training loop, score the held-out documents, and write the checkpoint in
 * Hugging Face layout, its {@code tokenizer.json} beside it, to {@code location}.
 */
public record DenoisePretrainTask(ModelSettings model, DenoisingData train, DenoisingData heldOut,
    int vocabularySize, byte[] tokenizerJson, String location, String device, int threads) implements Pretraining {

  @Override
  public PretrainTask.Result run() {
    long started = System.nanoTime();
    Engine engine = Engine.getEngine("PyTorch");
    JniUtils.setGradMode(false);
    Devices.setThreads(threads);
    PretrainSettings p = model.pretrain();
    engine.setRandomSeed(p.seed());
    Devices.Placement placement = Devices.place(device);
    Device dev = placement.device();
    // mBART pre-training: Adam β = (0.9, 0.98), ε = 1e-6, linear warm-up then decay.
    TrainingSettings training = new TrainingSettings(p.learningRate(), p.batchSize(), p.steps(), p.warmupSteps(),
        p.weightDecay(), 0.9, 0.98, 1e-6, 0, 0, 32, Map.of());
    DenoisingTask task = new DenoisingTask();
    try (NDManager root = NDManager.newBaseManager(dev)) {
      MbartModel mbart = new MbartModel(MbartFamily.configOf(model, vocabularySize), p.seed());
      mbart.initializeParameters(root);
      TrainLoop.Outcome trained = TrainLoop.run(mbart, task, train, model, training, p.seed(), root, StepHook.NONE,
          step -> {});
      Map<String, Double> metrics = task.evaluate(mbart, heldOut, model, training.evalBatchSize(), root);
      CheckpointUpload.write(location, local -> {
        HfMbartCheckpoint.write(local, mbart);
        try {
          Files.write(local.resolve("tokenizer.json"), tokenizerJson);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return new PretrainTask.Result(trained.steps(), trained.lastLoss(), metrics, (System.nanoTime() - started) / 1e9,
          placement.label());
    }
  }
}
