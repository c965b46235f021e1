package org.smcbench.task.mc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;

/**
 * Multiple-choice reasoning (CSQA, RACE, WinoGrande): one score per (question, choice) input,
 * softmax over the choices, cross-entropy; accuracy = argmax equals the answer.
 */
public final class MultipleChoiceTask implements Task<McData> {
  public static final String NAME = "multiple-choice";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String metricName() {
    return "accuracy";
  }

  /** Inputs [B, C, T] (ids, segment ids, attention mask; int64), padded to the longest input. */
  @Override
  public Batch batch(McData data, int[] indices, ModelSettings model, NDManager manager) {
    int b = indices.length;
    int c = data.numChoices();
    int[][][] encoded = new int[b * c][][];
    int longest = 0;
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < c; j++) {
        int[][] e = McEncoder.encode(data.tokens().get(indices[i]), j, model.maxSeqLen(), data.clsId(), data.sepId(),
            data.pairSeparators());
        encoded[i * c + j] = e;
        longest = Math.max(longest, e[0].length);
      }
    }
    long[] ids = new long[b * c * longest];
    long[] types = new long[b * c * longest];
    long[] mask = new long[b * c * longest];
    java.util.Arrays.fill(ids, data.padId());
    for (int r = 0; r < b * c; r++) {
      int[] tokenIds = encoded[r][0];
      int[] typeIds = encoded[r][1];
      for (int t = 0; t < tokenIds.length; t++) {
        ids[r * longest + t] = tokenIds[t];
        types[r * longest + t] = typeIds[t];
        mask[r * longest + t] = 1;
      }
    }
    Shape shape = new Shape(b, c, longest);
    NDList inputs = new NDList(
        manager.create(ids, shape), manager.create(types, shape), manager.create(mask, shape));
    long[] labels = new long[b];
    for (int i = 0; i < b; i++) {
      labels[i] = data.labels()[indices[i]];
    }
    return new Batch(inputs, manager.create(labels));
  }

  @Override
  public NDArray loss(NDList outputs, NDArray labels) {
    NDArray logits = outputs.singletonOrThrow();
    NDArray logProbs = logits.logSoftmax(1);
    NDArray oneHot = labels.oneHot((int) logits.getShape().get(1)).toType(DataType.FLOAT32, false);
    return logProbs.mul(oneHot).sum(new int[] {1}).neg().mean();
  }

  @Override
  public Map<String, Double> evaluate(TrainableModel model, McData data, ModelSettings settings, int batchSize,
      NDManager manager) {
    ParameterStore store = new ParameterStore(manager, false);
    long correct = 0;
    long labelled = 0;
    int[] order = byInputLength(data, settings);
    for (int start = 0; start < data.size(); start += batchSize) {
      int end = Math.min(data.size(), start + batchSize);
      int[] indices = java.util.Arrays.copyOfRange(order, start, end);
      try (NDManager batchManager = manager.newSubManager()) {
        Batch batch = batch(data, indices, settings, batchManager);
        NDArray logits = model.forward(store, batch.inputs(), false).singletonOrThrow();
        long[] predicted = logits.argMax(1).toLongArray();
        for (int i = 0; i < indices.length; i++) {
          int label = data.labels()[indices[i]];
          if (label >= 0) {
            labelled++;
            if (predicted[i] == label) {
              correct++;
            }
          }
        }
      }
    }
    if (labelled == 0) {
      throw new IllegalStateException("evaluation split has no labelled examples");
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", (double) correct / labelled);
    metrics.put("eval_examples", (double) labelled);
    return metrics;
  }

  /**
   * Question indices ordered by their longest encoded choice (stable, so ties keep file order).
   * Evaluation batches then hold inputs of similar length and pad little: the attention mask makes
   * the scores independent of padding, so only the time changes (CSQA dev: measured in bench sweep).
   */
  static int[] byInputLength(McData data, ModelSettings settings) {
    int[] longest = new int[data.size()];
    for (int q = 0; q < longest.length; q++) {
      for (int c = 0; c < data.numChoices(); c++) {
        longest[q] = Math.max(longest[q], McEncoder.encode(data.tokens().get(q), c, settings.maxSeqLen(),
            data.clsId(), data.sepId(), data.pairSeparators())[0].length);
      }
    }
    return org.smcbench.task.EvaluationOrder.byLength(longest);
  }
}
