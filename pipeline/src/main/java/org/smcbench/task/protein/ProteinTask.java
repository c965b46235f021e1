package org.smcbench.task.protein;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;
import org.smcbench.task.EvaluationOrder;
import org.smcbench.task.Task;
import org.smcbench.train.NoGrad;

/**
 * Protein property prediction from sequence: thermostability classes (HotProtein: cold / hot, or
 * five organism classes; Meltome binned by melting temperature), ranked by accuracy, or the melting
 * temperature itself, ranked by Spearman ρ as FLIP reports it. The model maps a batch of token ids
 * to one row of logits (classes) or one standardised prediction per sequence.
 *
 * <p>Both report the amino-acid-composition baseline of the same split beside the model's score
 * ({@code composition_baseline}), computed once when the split is loaded.
 */
public final class ProteinTask implements Task<ProteinData> {
  public static final String CLASSIFICATION = "protein-classification";
  public static final String REGRESSION = "protein-regression";

  private final boolean classification;

  private ProteinTask(boolean classification) {
    this.classification = classification;
  }

  public static ProteinTask classification() {
    return new ProteinTask(true);
  }

  public static ProteinTask regression() {
    return new ProteinTask(false);
  }

  @Override
  public String name() {
    return classification ? CLASSIFICATION : REGRESSION;
  }

  @Override
  public String metricName() {
    return classification ? "accuracy" : "spearman";
  }

  /**
   * Inputs (ids int64 [B, T], attention mask int64 [B, T], pooling mask float [B, T] = 1 on residues,
   * 0 on the start and stop tokens and padding), padded to the longest sequence with the
   * vocabulary's padding id; labels int64 [B]
   * or standardised float targets [B].
   */
  @Override
  public Batch batch(ProteinData data, int[] indices, ModelSettings model, NDManager manager) {
    int b = indices.length;
    int longest = 0;
    for (int i : indices) {
      longest = Math.max(longest, data.tokens()[i].length);
    }
    long[] ids = new long[b * longest];
    long[] mask = new long[b * longest];
    float[] pool = new float[b * longest];
    Arrays.fill(ids, data.vocabulary().pad());
    for (int r = 0; r < b; r++) {
      int[] tokens = data.tokens()[indices[r]];
      for (int t = 0; t < tokens.length; t++) {
        ids[r * longest + t] = tokens[t];
        mask[r * longest + t] = 1;
        pool[r * longest + t] = data.vocabulary().isResidue(tokens[t]) ? 1f : 0f;
      }
    }
    Shape shape = new Shape(b, longest);
    NDList inputs = new NDList(manager.create(ids, shape), manager.create(mask, shape), manager.create(pool, shape));
    if (data.hasStructures()) {
      addStructures(data, indices, longest, inputs, manager);
    }
    NDArray labels;
    if (data.isClassification()) {
      long[] y = new long[b];
      for (int r = 0; r < b; r++) {
        y[r] = data.labels()[indices[r]];
      }
      labels = manager.create(y);
    } else {
      float[] y = new float[b];
      for (int r = 0; r < b; r++) {
        y[r] = (float) ((data.targets()[indices[r]] - data.targetMean()) / data.targetStd());
      }
      labels = manager.create(y);
    }
    return new Batch(inputs, labels);
  }

  /**
   * Structure inputs: Cα coordinates float [B, T, 3] at each residue's token position (token t is
   * residue t − 1, after {@code <cls>}) and their mask float [B, T], 0 on specials and padding.
   */
  private static void addStructures(ProteinData data, int[] indices, int longest, NDList inputs, NDManager manager) {
    int b = indices.length;
    float[] coords = new float[b * longest * 3];
    float[] known = new float[b * longest];
    for (int r = 0; r < b; r++) {
      float[] ca = data.ca()[indices[r]];
      for (int residue = 0; residue < ca.length / 3; residue++) {
        int t = residue + 1;
        System.arraycopy(ca, 3 * residue, coords, (r * longest + t) * 3, 3);
        known[r * longest + t] = 1f;
      }
    }
    inputs.add(manager.create(coords, new Shape(b, longest, 3)));
    inputs.add(manager.create(known, new Shape(b, longest)));
  }

  /** Cross-entropy over the classes, or mean squared error on the standardised target. */
  @Override
  public NDArray loss(NDList outputs, NDArray labels) {
    NDArray predictions = outputs.singletonOrThrow();
    if (classification) {
      NDArray logProbs = predictions.logSoftmax(1);
      NDArray oneHot = labels.oneHot((int) predictions.getShape().get(1)).toType(DataType.FLOAT32, false);
      return logProbs.mul(oneHot).sum(new int[] {1}).neg().mean();
    }
    return predictions.reshape(-1).sub(labels).square().mean();
  }

  @Override
  public Map<String, Double> evaluate(TrainableModel model, ProteinData data, ModelSettings settings, int batchSize,
      NDManager manager) {
    if (data.size() == 0) {
      throw new IllegalStateException("evaluation split has no sequences");
    }
    ParameterStore store = new ParameterStore(manager, false);
    int[] order = EvaluationOrder.byLength(Arrays.stream(data.tokens()).mapToInt(t -> t.length).toArray());
    int[] predictedClass = new int[data.size()];
    double[] predictedTarget = new double[data.size()];
    try (NoGrad ignored = NoGrad.enter()) {
      for (int start = 0; start < data.size(); start += batchSize) {
        int[] indices = Arrays.copyOfRange(order, start, Math.min(data.size(), start + batchSize));
        try (NDManager batchManager = manager.newSubManager()) {
          Batch batch = batch(data, indices, settings, batchManager);
          NDArray out = model.forward(store, batch.inputs(), false).singletonOrThrow();
          if (data.isClassification()) {
            long[] argMax = out.argMax(1).toLongArray();
            for (int i = 0; i < indices.length; i++) {
              predictedClass[indices[i]] = (int) argMax[i];
            }
          } else {
            float[] values = out.reshape(-1).toFloatArray();
            for (int i = 0; i < indices.length; i++) {
              predictedTarget[indices[i]] = values[i] * data.targetStd() + data.targetMean();
            }
          }
        }
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (data.isClassification()) {
      long correct = 0;
      for (int i = 0; i < data.size(); i++) {
        correct += predictedClass[i] == data.labels()[i] ? 1 : 0;
      }
      metrics.put("accuracy", (double) correct / data.size());
    } else {
      metrics.put("spearman", Spearman.rho(predictedTarget, data.targets()));
      double se = 0;
      for (int i = 0; i < data.size(); i++) {
        se += (predictedTarget[i] - data.targets()[i]) * (predictedTarget[i] - data.targets()[i]);
      }
      metrics.put("rmse", Math.sqrt(se / data.size()));
    }
    metrics.put("composition_baseline", data.compositionBaseline());
    metrics.put("eval_examples", (double) data.size());
    return metrics;
  }
}
