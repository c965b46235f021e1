package org.smcbench.task.translation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.Seq2SeqSettings;
import org.smcbench.data.translation.SubwordTokenizer;
import org.smcbench.model.GradSafe;
import org.smcbench.model.TrainableModel;
import org.smcbench.model.mbart.MbartDecoding;
import org.smcbench.model.mbart.MbartModel;
import org.smcbench.task.Batch;
import org.smcbench.task.EvaluationOrder;
import org.smcbench.task.Task;
import org.smcbench.train.NoGrad;

/**
 * Many-to-many translation through a pivot, as the paper fine-tunes mBART: every direction of the
 * dataset in one model, the target language forced as the first decoded token. Trained with
 * label-smoothed cross-entropy under teacher forcing; evaluated by beam search, the hypotheses
 * detokenized and scored per direction with corpus BLEU (sacreBLEU's tokenizer for the target
 * language) and chrF, ranked by BLEU averaged over directions, as the paper reports it.
 * Copy-the-source scores of the same split are reported beside them.
 */
public final class TranslationTask implements Task<TranslationData> {
  public static final String NAME = "translation";
  /** fairseq's dictionary order, which mBART-50 and the learned vocabularies share. */
  public static final int PAD = 1;
  public static final int EOS = 2;
  private static final int DEFAULT_BEAM = 5;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String metricName() {
    return "bleu";
  }

  /**
   * Inputs (source ids int64 [B, S], source mask float [B, S], decoder input ids int64 [B, T] =
   * {@code </s>} then the target without its last token), padded on the right; labels int64 [B, T]
   * = the target, padding {@link #PAD}.
   */
  @Override
  public Batch batch(TranslationData data, int[] indices, ModelSettings model, NDManager manager) {
    int[][] sources = new int[indices.length][];
    int[][] targets = new int[indices.length][];
    for (int r = 0; r < indices.length; r++) {
      sources[r] = data.source()[indices[r]];
      targets[r] = data.target()[indices[r]];
    }
    return teacherForcing(sources, targets, manager);
  }

  /** The teacher-forcing batch of source and target id sequences (see {@link #batch}). */
  public static Batch teacherForcing(int[][] sources, int[][] targets, NDManager manager) {
    int b = targets.length;
    int t = 0;
    for (int[] target : targets) {
      t = Math.max(t, target.length);
    }
    long[] decoderInput = new long[b * t];
    long[] labels = new long[b * t];
    Arrays.fill(decoderInput, PAD);
    Arrays.fill(labels, PAD);
    for (int r = 0; r < b; r++) {
      int[] tgt = targets[r];
      decoderInput[r * t] = EOS;
      for (int j = 0; j < tgt.length; j++) {
        labels[r * t + j] = tgt[j];
        if (j + 1 < tgt.length) {
          decoderInput[r * t + j + 1] = tgt[j];
        }
      }
    }
    NDList inputs = encoderInputs(sources, manager);
    inputs.add(manager.create(decoderInput, new Shape(b, t)));
    return new Batch(inputs, manager.create(labels, new Shape(b, t)));
  }

  /** Source ids int64 [B, S] padded on the right and their mask float [B, S]. */
  static NDList encoderInputs(int[][] sources, NDManager manager) {
    int b = sources.length;
    int s = 0;
    for (int[] source : sources) {
      s = Math.max(s, source.length);
    }
    long[] ids = new long[b * s];
    float[] mask = new float[b * s];
    Arrays.fill(ids, PAD);
    for (int r = 0; r < b; r++) {
      for (int j = 0; j < sources[r].length; j++) {
        ids[r * s + j] = sources[r][j];
        mask[r * s + j] = 1f;
      }
    }
    return new NDList(manager.create(ids, new Shape(b, s)), manager.create(mask, new Shape(b, s)));
  }

  /** Cross-entropy without smoothing; the sweep calls {@link #loss(NDList, NDArray, ModelSettings)}. */
  @Override
  public NDArray loss(NDList outputs, NDArray labels) {
    return smoothedLoss(outputs.singletonOrThrow(), labels, 0.0);
  }

  @Override
  public NDArray loss(NDList outputs, NDArray labels, ModelSettings model) {
    return smoothedLoss(outputs.singletonOrThrow(), labels, model.seq2seq() == null ? 0.0
        : model.seq2seq().labelSmoothing());
  }

  /**
   * Label-smoothed cross-entropy as PyTorch's {@code CrossEntropyLoss(label_smoothing=ε,
   * ignore_index=pad)}: per target token (1 − ε)·(−log p_y) + ε·mean_v(−log p_v), averaged over
   * the non-padding tokens.
   */
  public static NDArray smoothedLoss(NDArray logits, NDArray labels, double epsilon) {
    NDArray logProbs = logits.logSoftmax(2);
    NDArray nll = logProbs.gather(labels.expandDims(2), 2).squeeze(2).neg();
    NDArray perToken = epsilon == 0 ? nll
        : GradSafe.times(nll, 1 - epsilon).add(GradSafe.times(logProbs.mean(new int[] {2}).neg(), epsilon));
    NDArray real = labels.neq(PAD).toType(DataType.FLOAT32, false);
    return perToken.mul(real).sum().div(real.sum().maximum(1f));
  }

  @Override
  public Map<String, Double> evaluate(TrainableModel model, TranslationData data, ModelSettings settings,
      int batchSize, NDManager manager) {
    if (data.size() == 0) {
      throw new IllegalStateException("evaluation split has no sentence pairs");
    }
    if (!(model instanceof MbartModel mbart)) {
      throw new IllegalArgumentException("translation decodes with an mBART model, got " + model.getClass().getName());
    }
    String[] hypotheses = translate(mbart, data, settings, batchSize, manager);
    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, Double> perDirection = new LinkedHashMap<>();
    double bleuSum = 0;
    double chrfSum = 0;
    double copyBleuSum = 0;
    double copyChrfSum = 0;
    int scored = 0;
    for (int d = 0; d < data.directions().size(); d++) {
      List<String> hyp = new ArrayList<>();
      List<String> ref = new ArrayList<>();
      List<String> copy = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        if (data.direction()[i] == d) {
          hyp.add(hypotheses[i]);
          ref.add(data.references()[i]);
          copy.add(data.sources()[i]);
        }
      }
      if (hyp.isEmpty()) {
        continue;
      }
      String name = data.directions().get(d);
      CorpusBleu bleu = TranslationScoring.bleuFor(data.targetLanguage(d));
      ChrF chrf = TranslationScoring.chrf();
      double b = bleu.corpusScore(hyp, ref).score();
      double c = chrf.corpusScore(hyp, ref).score();
      double copyB = bleu.corpusScore(copy, ref).score();
      double copyC = chrf.corpusScore(copy, ref).score();
      perDirection.put("bleu." + name, b);
      perDirection.put("chrf." + name, c);
      perDirection.put("copy_bleu." + name, copyB);
      perDirection.put("copy_chrf." + name, copyC);
      bleuSum += b;
      chrfSum += c;
      copyBleuSum += copyB;
      copyChrfSum += copyC;
      scored++;
    }
    metrics.put("bleu", bleuSum / scored);
    metrics.put("chrf", chrfSum / scored);
    metrics.put("copy_bleu", copyBleuSum / scored);
    metrics.put("copy_chrf", copyChrfSum / scored);
    metrics.put("eval_examples", (double) data.size());
    metrics.putAll(perDirection);
    return metrics;
  }

  /** Beam-search translations of every example, detokenized, in example order. */
  public static String[] translate(MbartModel model, TranslationData data, ModelSettings settings, int batchSize,
      NDManager manager) {
    Seq2SeqSettings q = settings.seq2seq();
    int beam = settings.beamSize() > 0 ? settings.beamSize() : DEFAULT_BEAM;
    LengthLimits limits = new LengthLimits(q == null ? 0 : q.maxLenA(), q == null ? 200 : q.maxLenB(), 1);
    BeamSearch search = new BeamSearch(new BeamSearch.Settings(beam, new LengthPenalty(q == null ? 1.0
        : q.lengthPenalty()), limits, BeamStopping.FAIRSEQ, 1));
    // The decoder prompt (</s>, language) and the hypothesis must fit the position table.
    int longest = model.config().maxPositions() - 2;
    String[] out = new String[data.size()];
    int[] order = EvaluationOrder.byLength(Arrays.stream(data.source()).mapToInt(s -> s.length).toArray());
    ParameterStore store = new ParameterStore(manager, false);
    try (NoGrad ignored = NoGrad.enter();
        SubwordTokenizer tokenizer = SubwordTokenizer.fromJson(new ByteArrayInputStream(data.tokenizerJson()))) {
      for (int start = 0; start < data.size(); start += batchSize) {
        int[] indices = Arrays.copyOfRange(order, start, Math.min(data.size(), start + batchSize));
        try (NDManager batchManager = manager.newSubManager()) {
          int[][] sources = new int[indices.length][];
          for (int r = 0; r < indices.length; r++) {
            sources[r] = data.source()[indices[r]];
          }
          NDList inputs = encoderInputs(sources, batchManager);
          int[][] prompts = new int[indices.length][];
          int[] sourceLengths = new int[indices.length];
          for (int r = 0; r < indices.length; r++) {
            prompts[r] = new int[] {EOS, data.target()[indices[r]][0]};
            sourceLengths[r] = fitting(data.source()[indices[r]].length, limits, longest);
          }
          List<Hypothesis> best;
          try (MbartDecoding decoding = new MbartDecoding(model, store, inputs.get(0), inputs.get(1), batchManager)) {
            best = search.decodeBest(decoding, prompts, sourceLengths);
          }
          for (int r = 0; r < indices.length; r++) {
            out[indices[r]] = tokenizer.decode(best.get(r).tokens()).strip();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer of the translation data", e);
    }
    return out;
  }

  /** The source length to give the length limits so the maximum stays within {@code longest} tokens. */
  private static int fitting(int sourceLength, LengthLimits limits, int longest) {
    int length = sourceLength;
    while (length > 0 && limits.maxLength(length) > longest) {
      length--;
    }
    if (limits.maxLength(length) > longest) {
      throw new IllegalArgumentException("max-len-b " + limits.maxLenB() + " exceeds the model's " + longest
          + " decodable positions");
    }
    return length;
  }
}
