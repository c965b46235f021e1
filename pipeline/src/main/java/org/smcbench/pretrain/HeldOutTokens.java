package org.smcbench.pretrain;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongPredicate;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;
import org.smcbench.task.TaskData;
import org.smcbench.train.NoGrad;

/**
 * The held-out evaluation the pre-training objectives share: batches of a task's own making in
 * order, the arg-max prediction at every scored position against its label, the mean loss over
 * those positions, and the accuracy of always predicting the most frequent label beside it.
 */
final class HeldOutTokens {
  private HeldOutTokens() {}

  /**
   * {@code mlm_accuracy}, {@code mlm_loss}, {@code unigram_accuracy} and the scored-position count
   * under {@code countKey}.
   *
   * @param scored which labels count (the others are padding or unmasked positions)
   * @param none   the error when no position is scored
   */
  static <D extends TaskData> Map<String, Double> evaluate(Task<D> task, TrainableModel model, D data,
      ModelSettings settings, int batchSize, NDManager manager, LongPredicate scored, String countKey, String none) {
    ParameterStore store = new ParameterStore(manager, false);
    long positions = 0;
    long correct = 0;
    double lossSum = 0;
    Map<Long, Long> frequency = new HashMap<>();
    try (NoGrad ignored = NoGrad.enter()) {
      for (int start = 0; start < data.size(); start += batchSize) {
        int first = start;
        int[] indices = new int[Math.min(batchSize, data.size() - start)];
        Arrays.setAll(indices, i -> first + i);
        try (NDManager batchManager = manager.newSubManager()) {
          Batch batch = task.batch(data, indices, settings, batchManager);
          NDList out = model.forward(store, batch.inputs(), false);
          long[] labels = batch.labels().toLongArray();
          long[] predicted = out.singletonOrThrow().argMax(2).toLongArray();
          long n = 0;
          for (int i = 0; i < labels.length; i++) {
            if (scored.test(labels[i])) {
              n++;
              frequency.merge(labels[i], 1L, Long::sum);
              correct += predicted[i] == labels[i] ? 1 : 0;
            }
          }
          lossSum += task.loss(out, batch.labels()).getFloat() * n;
          positions += n;
        }
      }
    }
    if (positions == 0) {
      throw new IllegalStateException(none);
    }
    long mostFrequent = frequency.values().stream().mapToLong(Long::longValue).max().orElse(0);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("mlm_accuracy", (double) correct / positions);
    metrics.put("mlm_loss", lossSum / positions);
    metrics.put("unigram_accuracy", (double) mostFrequent / positions);
    metrics.put(countKey, (double) positions);
    return metrics;
  }
}
