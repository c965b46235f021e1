package org.smcbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.TrainingSettings;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;
import org.smcbench.task.TaskData;

/**
 * Fine-tuning: forward, loss (the task's, or a {@link TrainLoss} such as distillation), backward, in-place AdamW with a warm-up/decay schedule, then the
 * sparsity hook; one NDManager scope per step so native memory stays flat.
 */
public final class TrainLoop {
  private static final Logger LOG = LoggerFactory.getLogger(TrainLoop.class);
  /** What a finished loop reports. */
  public record Outcome(int steps, double lastLoss, double meanLossLastTenth) {}

  private TrainLoop() {}

  public static <D extends TaskData> Outcome run(TrainableModel model, Task<D> task, D data, ModelSettings modelSettings,
      TrainingSettings t, long seed, NDManager manager, StepHook hook, IntConsumer progress) {
    return run(model, task, data, modelSettings, t, seed, manager, hook, progress, StepTimes.NONE);
  }

  /** As above, recording the wall time of each part of every step into {@code times}. */
  public static <D extends TaskData> Outcome run(TrainableModel model, Task<D> task, D data, ModelSettings modelSettings,
      TrainingSettings t, long seed, NDManager manager, StepHook hook, IntConsumer progress, StepTimes times) {
    return run(model, task, data, modelSettings, t, seed, manager, hook, progress, times,
        TrainLoss.of(task, modelSettings));
  }

  /** As above, differentiating {@code trainLoss} (knowledge distillation) instead of the task's loss. */
  public static <D extends TaskData> Outcome run(TrainableModel model, Task<D> task, D data, ModelSettings modelSettings,
      TrainingSettings t, long seed, NDManager manager, StepHook hook, IntConsumer progress, StepTimes times,
      TrainLoss trainLoss) {
    EpochSampler sampler = new EpochSampler(data.size(), t.batchSize(), seed);
    LrSchedule schedule = t.lrSchedule();
    ParameterStore store = new ParameterStore(manager, false);
    var parameters = model.namedParameters();
    // Parameter groups: each parameter's peak rate relative to the schedule's (1 for most).
    java.util.Map<String, Float> scale = new java.util.HashMap<>();
    for (String name : parameters.keySet()) {
      double r = t.learningRateOf(name) / t.learningRate();
      if (r != 1) {
        scale.put(name, (float) r);
      }
    }
    double last = Double.NaN;
    double tailSum = 0;
    int tailCount = 0;
    int tailStart = t.steps() - Math.max(1, t.steps() / 10);
    try (AdamW optimizer = AdamW.builder().betas(t.adamBeta1(), t.adamBeta2()).eps(t.adamEps())
        .weightDecay(t.weightDecay()).build()) {
      for (int step = 0; step < t.steps(); step++) {
        try (NDManager stepManager = manager.newSubManager()) {
          long t0 = System.nanoTime();
          Batch batch = task.batch(data, sampler.next(), modelSettings, stepManager);
          long t1 = System.nanoTime();
          long t2;
          try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDList outputs = model.forward(store, batch.inputs(), true);
            NDArray loss = trainLoss.loss(outputs, batch);
            last = loss.getFloat(); // CPU ops are synchronous; on GPU this waits for the forward pass
            t2 = System.nanoTime();
            collector.backward(loss);
          }
          long t3 = System.nanoTime();
          if (!Double.isFinite(last)) {
            throw new TrainingDiverged(step + 1, last);
          }
          hook.beforeOptimizerStep(step + 1);
          long t4 = System.nanoTime();
          optimizer.step(parameters, (float) schedule.lr(step + 1), scale.isEmpty() ? null : scale);
          long t5 = System.nanoTime();
          hook.afterOptimizerStep(step + 1);
          long t6 = System.nanoTime();
          times.record("batch", t1 - t0);
          times.record("forward", t2 - t1);
          times.record("backward", t3 - t2);
          times.record("before_update", t4 - t3);
          times.record("optimizer", t5 - t4);
          times.record("after_update", t6 - t5);
        }
        if (step >= tailStart) {
          tailSum += last;
          tailCount++;
        }
        progress.accept(step + 1);
        if ((step + 1) % Math.max(1, t.steps() / 10) == 0) {
          LOG.info("step {}/{} loss {} lr {}", step + 1, t.steps(), String.format("%.4f", last),
              String.format("%.2e", schedule.lr(step + 1)));
        }
      }
    }
    return new Outcome(t.steps(), last, tailSum / Math.max(1, tailCount));
  }
}
