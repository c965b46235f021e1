package org.smcbench.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;
import org.smcbench.task.Task;
import org.smcbench.task.translation.TranslationTask;
import org.smcbench.train.NoGrad;

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
    ParameterStore store = new ParameterStore(manager, false);
    long tokens = 0;
    long correct = 0;
    double lossSum = 0;
    Map<Long, Long> frequency = new HashMap<>();
    try (NoGrad ignored = NoGrad.enter()) {
      for (int start = 0; start < data.size(); start += batchSize) {
        int first = start;
        int[] indices = new int[Math.min(batchSize, data.size() - start)];
        Arrays.setAll(indices, i -> first + i);
        try (NDManager batchManager = manager.newSubManager()) {
          Batch batch = batch(data, indices, settings, batchManager);
          NDList out = model.forward(store, batch.inputs(), false);
          long[] labels = batch.labels().toLongArray();
          long[] predicted = out.singletonOrThrow().argMax(2).toLongArray();
          long n = 0;
          for (int i = 0; i < labels.length; i++) {
            if (labels[i] != TranslationTask.PAD) {
              n++;
              frequency.merge(labels[i], 1L, Long::sum);
              correct += predicted[i] == labels[i] ? 1 : 0;
            }
          }
          lossSum += loss(out, batch.labels()).getFloat() * n;
          tokens += n;
        }
      }
    }
    if (tokens == 0) {
      throw new IllegalStateException("the held-out documents have no tokens");
    }
    long mostFrequent = frequency.values().stream().mapToLong(Long::longValue).max().orElse(0);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("mlm_accuracy", (double) correct / tokens);
    metrics.put("mlm_loss", lossSum / tokens);
    metrics.put("unigram_accuracy", (double) mostFrequent / tokens);
    metrics.put("target_tokens", (double) tokens);
    return metrics;
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
