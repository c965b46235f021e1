package org.smcbench.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;
import org.smcbench.task.translation.TranslationTask;

/**
 * mBART's denoising objective as a task for the training loop: the encoder reads
 * {@code [lang] noise(document) </s>}, the decoder reconstructs {@code [lang] document </s>} under
 * teacher forcing, in the same layout translation fine-tunes on. Evaluation reports the held-out
 * reconstruction token accuracy and loss, and the accuracy of always predicting the corpus' most
 * frequent token beside it (the registry's {@code mlm_*} / {@code unigram_accuracy} columns).
 */
public final class DenoisingTask implements Task<DenoisingData> {
  public static final String NAME = "denoising";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String metricName() {
    return "mlm_accuracy";
  }

  @Override
  public Batch batch(DenoisingData data, int[] indices, ModelSettings model, NDManager manager) {
    long ordinal = data.fixedNoise() ? 0 : data.batches().getAndIncrement();
    int[][] sources = new int[indices.length][];
    int[][] targets = new int[indices.length][];
    int room = data.maxLength() - 2;
    for (int r = 0; r < indices.length; r++) {
      int doc = indices[r];
      SplittableRandom rng = new SplittableRandom(data.seed() * 1_000_003L + ordinal * 7_919L + doc);
      List<int[]> sentences = Arrays.asList(data.documents()[doc]);
      int[] original = cut(DenoisingNoise.concat(sentences), room);
      int[] noised = cut(DenoisingNoise.maskSpans(DenoisingNoise.permuteSentences(sentences, rng), data.maskRatio(),
          data.maskId(), rng), room);
      int lang = data.languageTokens()[doc];
      sources[r] = framed(lang, noised);
      targets[r] = framed(lang, original);
    }
    return TranslationTask.teacherForcing(sources, targets, manager);
  }

  @Override
  public NDArray loss(NDList outputs, NDArray labels) {
    return TranslationTask.smoothedLoss(outputs.singletonOrThrow(), labels, 0.0);
  }

  @Override
  public Map<String, Double> evaluate(TrainableModel model, DenoisingData data, ModelSettings settings, int batchSize,
      NDManager manager) {
    return HeldOutTokens.evaluate(this, model, data, settings, batchSize, manager,
        label -> label != TranslationTask.PAD, "target_tokens", "the held-out documents have no tokens");
  }

  private static int[] framed(int lang, int[] body) {
    int[] out = new int[body.length + 2];
    out[0] = lang;
    System.arraycopy(body, 0, out, 1, body.length);
    out[out.length - 1] = TranslationTask.EOS;
    return out;
  }

  private static int[] cut(int[] tokens, int room) {
    return tokens.length <= room ? tokens : Arrays.copyOf(tokens, room);
  }
}
