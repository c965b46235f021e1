package org.smcbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.model.PrunableModel;
import org.smcbench.model.PrunableTensor;

/**
 * A standard (Hugging Face / Google) BERT encoder built from DJL primitives, parameter names and
 * layouts matching Hugging Face checkpoints.
 *
 * <p>Input {@code NDList(inputIds int64 [B, T], tokenTypeIds int64 [B, T], attentionMask [B, T])},
 * mask 1 for real tokens and 0 for padding (any numeric type); output {@code NDList(hidden [B, T,
 * H])}, the last layer's hidden states. Dropout is applied only when {@code training} is true.
 */
public final class BertEncoder extends AbstractBlock implements PrunableModel {
  private static final byte VERSION = 1;

  private final BertConfig config;
  private final BertEmbeddings embeddings;
  private final List<BertLayer> layers = new ArrayList<>();

  /** An encoder of shape {@code config}; weights not loaded later are initialised from {@code seed}. */
  public BertEncoder(BertConfig config, long seed) {
    super(VERSION);
    this.config = config;
    embeddings = addChildBlock("embeddings", new BertEmbeddings(config, seed));
    for (int i = 0; i < config.layers(); i++) {
      layers.add(addChildBlock("layer" + i, new BertLayer(config, i, seed)));
    }
  }

  public BertConfig config() {
    return config;
  }

  @Override
  public LinkedHashMap<String, Parameter> namedParameters() {
    LinkedHashMap<String, Parameter> named = new LinkedHashMap<>();
    embeddings.putNamedParameters(named);
    for (BertLayer layer : layers) {
      layer.putNamedParameters(named);
    }
    return named;
  }

  @Override
  public List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>(embeddings.prunableScope());
    for (BertLayer layer : layers) {
      scope.addAll(layer.prunableScope());
    }
    return scope;
  }

  @Override
  public void initializeParameters(NDManager manager) {
    initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    // Intermediates live in scopes closed as soon as they are consumed (autograd keeps what it
    // needs itself); only the result is handed back to the caller's manager.
    try (NDManager scope = NDManager.subManagerOf(ids)) {
      scope.tempAttachAll(inputs);
      NDArray attentionBias = attentionBias(inputs.get(2));
      NDArray x = embeddings.forward(ps, new NDList(ids, inputs.get(1)), training).singletonOrThrow();
      for (BertLayer layer : layers) {
        try (NDManager layerScope = scope.newSubManager()) {
          x.attach(layerScope);
          x = layerScope.ret(layer.forward(ps, new NDList(x, attentionBias), training).singletonOrThrow());
        }
      }
      return new NDList(scope.ret(x));
    }
  }

  /** 0 where attended, the most negative float where masked (as Hugging Face), shaped [B, 1, 1, T]. */
  private static NDArray attentionBias(NDArray mask) {
    Shape shape = mask.getShape();
    return mask.toType(DataType.FLOAT32, false).sub(1f).mul(Float.MAX_VALUE)
        .reshape(shape.get(0), 1, 1, shape.get(1));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    embeddings.initialize(manager, dataType, ids, inputShapes[1]);
    Shape hidden = new Shape(ids.get(0), ids.get(1), config.hidden());
    Shape bias = new Shape(ids.get(0), 1, 1, ids.get(1));
    for (BertLayer layer : layers) {
      layer.initialize(manager, dataType, hidden, bias);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), config.hidden())};
  }
}
