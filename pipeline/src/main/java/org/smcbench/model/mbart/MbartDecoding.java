package org.smcbench.model.mbart;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.smcbench.task.translation.IncrementalDecoder;
import org.smcbench.task.translation.TopK;

/**
 * Incremental decoding of an {@link MbartModel} over a batch of source sentences: the sources are
 * encoded once and every decoder layer's cross-attention keys and values projected once; each step
 * embeds only the newest token, appends its self-attention keys and values to the cache, and hands
 * back the top-k of the log-softmax (computed on the model's device; the host sees k per row).
 * Rows are selected by {@code parents} every step, so hypotheses fork, die or leave with their
 * sentence exactly as the search decides. Padding is never proposed.
 */
public final class MbartDecoding implements IncrementalDecoder {
  private final MbartModel model;
  private final ParameterStore ps;
  private final NDManager state;
  private final NDArray table;
  private final List<MbartDecoderLayer.Cache> caches = new ArrayList<>();
  private NDArray sourceBias;
  private int position;

  /**
   * @param sourceIds  int64 [N, S], padded on the right
   * @param sourceMask [N, S], 1 on real tokens
   * @param manager    the caller's manager; the decoder's state lives in a child closed by {@link #close}
   */
  public MbartDecoding(MbartModel model, ParameterStore ps, NDArray sourceIds, NDArray sourceMask, NDManager manager) {
    this.model = model;
    this.ps = ps;
    this.state = manager.newSubManager(sourceIds.getDevice());
    this.table = model.table(ps, sourceIds, false);
    try (NDManager scope = state.newSubManager()) {
      scope.tempAttachAll(new NDList(sourceIds, sourceMask)); // intermediates land in the scope, not the caller's manager
      NDArray bias = MbartModel.sourceBias(sourceMask);
      NDArray encoded = model.encode(ps, sourceIds, bias, false);
      for (MbartDecoderLayer layer : model.decoderLayers()) {
        MbartDecoderLayer.Cache cache = new MbartDecoderLayer.Cache();
        layer.cacheSource(ps, encoded, cache);
        cache.crossKeys.attach(state);
        cache.crossValues.attach(state);
        caches.add(cache);
      }
      bias.attach(state);
      sourceBias = bias;
    }
  }

  @Override
  public int eos() {
    return model.config().eosId();
  }

  @Override
  public TopK step(int[] tokens, int[] parents, int k) {
    if (tokens.length != parents.length) {
      throw new IllegalArgumentException(tokens.length + " tokens for " + parents.length + " parents");
    }
    int rows = tokens.length;
    int kept = Math.min(k, model.config().vocabSize() - 1);
    try (NDManager scope = state.newSubManager()) {
      // The step owns the previous state (closed with the scope); what it computes is the next one.
      for (MbartDecoderLayer.Cache cache : caches) {
        for (NDArray a : cacheArrays(cache)) {
          a.attach(scope);
        }
      }
      sourceBias.attach(scope);
      NDIndex byParent = new NDIndex("{}", scope.create(toLongs(parents)));
      for (MbartDecoderLayer.Cache cache : caches) {
        cache.crossKeys = cache.crossKeys.get(byParent);
        cache.crossValues = cache.crossValues.get(byParent);
        if (cache.selfKeys != null) {
          cache.selfKeys = cache.selfKeys.get(byParent);
          cache.selfValues = cache.selfValues.get(byParent);
        }
      }
      NDArray bias = sourceBias.get(byParent);

      NDArray ids = scope.create(toLongs(tokens), new Shape(rows, 1));
      NDArray x = model.decoderEmbeddings().apply(ps, ids, table, position, false);
      for (int l = 0; l < caches.size(); l++) {
        x = model.decoderLayers().get(l).step(ps, x, bias, caches.get(l));
      }
      NDArray logProbs = model.logits(ps, model.decoderNorm().apply(ps, x, false), false)
          .reshape(rows, model.config().vocabSize()).logSoftmax(1);
      float[] eosLogProbs = logProbs.get(new NDIndex(":, {}", eos())).toFloatArray();
      // Padding is never a candidate (fairseq sets its log-probability to -inf).
      logProbs.set(new NDIndex(":, {}", model.config().padId()), Float.NEGATIVE_INFINITY);
      NDList top = logProbs.topK(kept, 1, true, true);
      float[] values = top.get(0).toFloatArray();
      long[] indices = top.get(1).toType(DataType.INT64, false).toLongArray();

      for (MbartDecoderLayer.Cache cache : caches) {
        for (NDArray a : cacheArrays(cache)) {
          a.attach(state);
        }
      }
      bias.attach(state);
      sourceBias = bias;
      position++;

      int[][] outTokens = new int[rows][kept];
      float[][] outLogProbs = new float[rows][kept];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < kept; j++) {
          outTokens[r][j] = (int) indices[r * kept + j];
          outLogProbs[r][j] = values[r * kept + j];
        }
      }
      return new TopK(outTokens, outLogProbs, eosLogProbs);
    }
  }

  @Override
  public void close() {
    state.close();
  }

  private static List<NDArray> cacheArrays(MbartDecoderLayer.Cache cache) {
    return cache.selfKeys == null ? List.of(cache.crossKeys, cache.crossValues)
        : List.of(cache.crossKeys, cache.crossValues, cache.selfKeys, cache.selfValues);
  }

  private static long[] toLongs(int[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
