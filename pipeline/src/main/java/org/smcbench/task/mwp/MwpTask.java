package org.smcbench.task.mwp;

import org.smcbench.data.mwp.MwpAnswers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.TrainableModel;
import org.smcbench.model.gts.GtsFamily;
import org.smcbench.model.gts.GtsInputs;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;
import org.smcbench.train.NoGrad;

/**
 * Math word problems solved by generating a prefix equation (GTS). The model computes its own
 * teacher-forced loss (the tree decoder's control flow depends on the target), so {@link #loss}
 * passes it through. Evaluation decodes with the model's beam search ({@code forward(…, false)}):
 * answer accuracy (the equation, with the problem's numbers, evaluates to the gold answer within
 * relative tolerance 1e-4; malformed or incomplete equations are wrong) and equation accuracy
 * (exact match of the prefix tokens).
 */
public final class MwpTask implements Task<MwpData> {
  public static final String NAME = "math-word-problem";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String metricName() {
    return "answer_accuracy";
  }

  /** {@link GtsInputs} for the problems at {@code indices}; the labels are the target ids. */
  @Override
  public Batch batch(MwpData data, int[] indices, ModelSettings model, NDManager manager) {
    int[][] words = new int[indices.length][];
    int[][] quantities = new int[indices.length][];
    int[][] targets = new int[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      words[i] = data.inputs()[indices[i]];
      quantities[i] = data.quantities()[indices[i]];
      targets[i] = data.targets()[indices[i]];
    }
    NDList inputs = model != null && GtsFamily.usesGraphs(model.family())
        ? GtsInputs.createWithGraphs(manager, words, quantities, targets, data.output().maxQuantities(),
            (i, t, out, offset) -> QuantityGraphs.fill(words[i], quantities[i], data.numbers()[indices[i]],
                data.cells()[indices[i]], t, out, offset))
        : GtsInputs.create(manager, words, quantities, targets, data.output().maxQuantities());
    if (data.subwords() != null) {
      int[][] ids = new int[indices.length][];
      int[][] wordOf = new int[indices.length][];
      for (int i = 0; i < indices.length; i++) {
        ids[i] = data.subwords()[indices[i]].ids();
        wordOf[i] = data.subwords()[indices[i]].wordOf();
      }
      GtsInputs.addSubwords(inputs, ids, wordOf, data.subwordPad());
    }
    return new Batch(inputs, inputs.get(4));
  }

  @Override
  public NDArray loss(NDList outputs, NDArray labels) {
    return outputs.get(0);
  }

  @Override
  public Map<String, Double> evaluate(TrainableModel model, MwpData data, ModelSettings settings, int batchSize,
      NDManager manager) {
    if (data.size() == 0) {
      throw new IllegalStateException("evaluation split has no problems");
    }
    ParameterStore store = new ParameterStore(manager, false);
    long answerCorrect = 0;
    long equationCorrect = 0;
    int[] order = byInputLength(data);
    try (NoGrad ignored = NoGrad.enter()) {
      for (int start = 0; start < data.size(); start += batchSize) {
        int[] indices = Arrays.copyOfRange(order, start, Math.min(data.size(), start + batchSize));
        try (NDManager batchManager = manager.newSubManager()) {
          Batch batch = batch(data, indices, settings, batchManager);
          int[][] predicted = GtsInputs.readPredictions(model.forward(store, batch.inputs(), false));
          for (int i = 0; i < indices.length; i++) {
            int p = indices[i];
            if (predicted[i] == null) {
              continue;
            }
            if (Arrays.equals(predicted[i], data.targets()[p])) {
              equationCorrect++;
            }
            List<String> tokens = data.output().tokens(predicted[i]);
            if (MwpAnswers.isCorrect(OutputVocab.asDatasetTokens(tokens), data.numbers()[p], data.answers()[p])) {
              answerCorrect++;
            }
          }
        }
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("answer_accuracy", (double) answerCorrect / data.size());
    metrics.put("equation_accuracy", (double) equationCorrect / data.size());
    metrics.put("eval_examples", (double) data.size());
    return metrics;
  }

  /** Problems by input length (stable), so evaluation batches pad little. */
  static int[] byInputLength(MwpData data) {
    return org.smcbench.task.EvaluationOrder.byLength(
        java.util.Arrays.stream(data.inputs()).mapToInt(words -> words.length).toArray());
  }
}
