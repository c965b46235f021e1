package org.smcbench.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.ActivationTap;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;
import org.smcbench.sparsity.ActivationProbe;
import org.smcbench.sparsity.BatchGradients;
import org.smcbench.sparsity.GradientProbe;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;
import org.smcbench.task.TaskData;
import org.smcbench.train.EpochSampler;
import org.smcbench.train.NoGrad;

/**
 * What sparsity methods measure on a run's model with its own training batches, each drawn by a
 * sampler seeded apart from the training order: loss gradients (summed in train mode, as SNIP's
 * reference does; per batch in evaluation mode, as oBERT's reference collects them) and input
 * activations (Wanda's and SparseGPT's calibration, from batches drawn with the run's calibration
 * seed, shared by every method on the same data, model and seed: evaluation mode without gradients, recorded by
 * an {@link ActivationTap}; padding positions are part of the inputs the layers see, so they count
 * too; a scope tensor no recorded primitive used, such as a recurrent cell's weights, is an error
 * naming it).
 */
final class TaskProbe<D extends TaskData> implements GradientProbe, BatchGradients, ActivationProbe {
  private final TrainableModel model;
  private final Task<D> task;
  private final D data;
  private final ModelSettings modelSettings;
  private final int batchSize;
  private final long seed;
  private final long calibrationSeed;
  private final List<PrunableTensor> scope;
  private final NDManager manager;

  TaskProbe(TrainableModel model, Task<D> task, D data, ModelSettings modelSettings, int batchSize, long seed,
      long calibrationSeed, List<PrunableTensor> scope, NDManager manager) {
    this.model = model;
    this.task = task;
    this.data = data;
    this.modelSettings = modelSettings;
    this.batchSize = batchSize;
    this.seed = seed;
    this.calibrationSeed = calibrationSeed;
    this.scope = scope;
    this.manager = manager;
  }

  @Override
  public LinkedHashMap<String, float[]> lossGradients(int batches) {
    EpochSampler sampler = new EpochSampler(data.size(), batchSize, seed ^ 0x5EEDL);
    ParameterStore store = new ParameterStore(manager, false);
    for (int b = 0; b < batches; b++) {
      backward(sampler, store, true); // the parameters' gradients add up over the batches
    }
    return readAndZeroGradients();
  }

  @Override
  public void forEach(int batches, Consumer<LinkedHashMap<String, float[]>> perBatch) {
    EpochSampler sampler = new EpochSampler(data.size(), batchSize, seed ^ 0xF15E4L);
    ParameterStore store = new ParameterStore(manager, false);
    for (int b = 0; b < batches; b++) {
      backward(sampler, store, false);
      perBatch.accept(readAndZeroGradients());
    }
  }

  /** Forward and backward of the sampler's next batch, leaving its loss gradients in the parameters. */
  private void backward(EpochSampler sampler, ParameterStore store, boolean training) {
    try (NDManager batchManager = manager.newSubManager()) {
      Batch batch = task.batch(data, sampler.next(), modelSettings, batchManager);
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDList outputs = model.forward(store, batch.inputs(), training);
        collector.backward(task.loss(outputs, batch.labels(), modelSettings));
      }
    }
  }

  private LinkedHashMap<String, float[]> readAndZeroGradients() {
    LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
    try (NoGrad ignored = NoGrad.enter()) {
      for (PrunableTensor t : scope) {
        try (NDArray g = t.array().getGradient()) {
          out.put(t.name(), g.toFloatArray());
        }
      }
      for (var p : model.namedParameters().values()) {
        JniUtils.zeroGrad((PtNDArray) p.getArray());
      }
    }
    return out;
  }

  @Override
  public LinkedHashMap<String, InputStats> inputStats(int batches) {
    return measureInputs(batches, false);
  }

  @Override
  public LinkedHashMap<String, InputStats> inputGrams(int batches) {
    return measureInputs(batches, true);
  }

  private LinkedHashMap<String, InputStats> measureInputs(int batches, boolean grams) {
    EpochSampler sampler = new EpochSampler(data.size(), batchSize, calibrationSeed ^ 0xCA11L);
    ParameterStore store = new ParameterStore(manager, false);
    LinkedHashMap<String, InputStats> out = new LinkedHashMap<>();
    try (NoGrad ignored = NoGrad.enter();
        ActivationTap tap = grams ? ActivationTap.withGrams() : ActivationTap.open()) {
      for (int b = 0; b < batches; b++) {
        try (NDManager batchManager = manager.newSubManager()) {
          Batch batch = task.batch(data, sampler.next(), modelSettings, batchManager);
          NDList outputs = model.forward(store, batch.inputs(), false);
          outputs.close();
        }
      }
      for (PrunableTensor t : scope) {
        double[] linear = tap.linearSquares(t.array());
        double[] lookup = tap.lookupCounts(t.array());
        if (linear == null && lookup == null) {
          throw new IllegalStateException("calibration: no input reached " + t.name()
              + " (it is not used by a linear layer or an embedding lookup the model reports)");
        }
        // A tied table (looked up and used as the output projection) is scored as the linear layer.
        out.put(t.name(), linear != null ? new InputStats(linear, false, tap.linearGram(t.array()))
            : new InputStats(lookup, true));
      }
    }
    return out;
  }
}
