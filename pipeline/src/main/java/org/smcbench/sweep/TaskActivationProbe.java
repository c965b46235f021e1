package org.smcbench.sweep;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.ActivationTap;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;
import org.smcbench.sparsity.ActivationProbe;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;
import org.smcbench.task.TaskData;
import org.smcbench.train.EpochSampler;
import org.smcbench.train.NoGrad;

/**
 * Input statistics of a run's model on its own training batches: forward passes in evaluation mode
 * without gradients (Wanda's calibration), recorded by an {@link ActivationTap}. Padding positions
 * are part of the inputs the layers see, so they count too. A scope tensor no recorded primitive
 * used (a recurrent cell's weights) is an error naming it.
 */
final class TaskActivationProbe<D extends TaskData> implements ActivationProbe {
  private final TrainableModel model;
  private final Task<D> task;
  private final D data;
  private final ModelSettings modelSettings;
  private final int batchSize;
  private final long seed;
  private final List<PrunableTensor> scope;
  private final NDManager manager;

  TaskActivationProbe(TrainableModel model, Task<D> task, D data, ModelSettings modelSettings, int batchSize,
      long seed, List<PrunableTensor> scope, NDManager manager) {
    this.model = model;
    this.task = task;
    this.data = data;
    this.modelSettings = modelSettings;
    this.batchSize = batchSize;
    this.seed = seed;
    this.scope = scope;
    this.manager = manager;
  }

  @Override
  public LinkedHashMap<String, InputStats> inputStats(int batches) {
    EpochSampler sampler = new EpochSampler(data.size(), batchSize, seed ^ 0xCA11L);
    ParameterStore store = new ParameterStore(manager, false);
    LinkedHashMap<String, InputStats> out = new LinkedHashMap<>();
    try (NoGrad ignored = NoGrad.enter(); ActivationTap tap = ActivationTap.open()) {
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
          throw new IllegalStateException("wanda: no calibration input reached " + t.name()
              + " (it is not used by a linear layer or an embedding lookup the model reports)");
        }
        // A tied table (looked up and used as the output projection) is scored as the linear layer.
        out.put(t.name(), linear != null ? new InputStats(linear, false) : new InputStats(lookup, true));
      }
    }
    return out;
  }
}
