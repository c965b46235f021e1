package org.smcbench.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.smcbench.config.ModelSettings;
import org.smcbench.data.protein.EsmAlphabet;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;

/**
 * Masked-language modelling as a task for the training loop: inputs (ids, attention mask) of
 * masked sequences, labels the original ids at the chosen positions ({@link MlmMasking#IGNORE}
 * elsewhere), loss the mean cross-entropy over chosen positions. Evaluation reports the masked-token
 * accuracy and the accuracy of always predicting the corpus' most frequent residue beside it.
 */
public final class MlmTask implements Task<MlmData> {
  public static final String NAME = "masked-lm";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String metricName() {
    return "mlm_accuracy";
  }

  @Override
  public Batch batch(MlmData data, int[] indices, ModelSettings model, NDManager manager) {
    long ordinal = data.fixedMasks() ? 0 : data.batches().getAndIncrement();
    int b = indices.length;
    int longest = 0;
    for (int i : indices) {
      longest = Math.max(longest, data.tokens()[i].length);
    }
    long[] ids = new long[b * longest];
    long[] mask = new long[b * longest];
    long[] labels = new long[b * longest];
    Arrays.fill(ids, EsmAlphabet.PAD);
    Arrays.fill(labels, MlmMasking.IGNORE);
    for (int r = 0; r < b; r++) {
      // One generator per (batch, sequence): fixed masks depend on the sequence alone.
      SplittableRandom rng = new SplittableRandom(data.seed() * 1_000_003L + ordinal * 7_919L + indices[r]);
      MlmMasking.Masked m = MlmMasking.mask(data.tokens()[indices[r]], data.maskProbability(), rng);
      for (int t = 0; t < m.input().length; t++) {
        ids[r * longest + t] = m.input()[t];
        mask[r * longest + t] = 1;
        labels[r * longest + t] = m.labels()[t];
      }
    }
    Shape shape = new Shape(b, longest);
    return new Batch(new NDList(manager.create(ids, shape), manager.create(mask, shape)),
        manager.create(labels, shape));
  }

  /** Mean cross-entropy over the positions whose label is not {@link MlmMasking#IGNORE}. */
  @Override
  public NDArray loss(NDList outputs, NDArray labels) {
    NDArray logits = outputs.singletonOrThrow();
    int vocab = (int) logits.getShape().get(2);
    NDArray chosen = labels.gte(0);
    NDArray target = labels.maximum(0).oneHot(vocab).toType(DataType.FLOAT32, false);
    NDArray nll = logits.logSoftmax(2).mul(target).sum(new int[] {2}).neg();
    NDArray weight = chosen.toType(DataType.FLOAT32, false);
    return nll.mul(weight).sum().div(weight.sum().maximum(1f));
  }

  @Override
  public Map<String, Double> evaluate(TrainableModel model, MlmData data, ModelSettings settings, int batchSize,
      NDManager manager) {
    return HeldOutTokens.evaluate(this, model, data, settings, batchSize, manager, label -> label >= 0,
        "masked_positions", "no position was masked in the held-out sequences");
  }
}
