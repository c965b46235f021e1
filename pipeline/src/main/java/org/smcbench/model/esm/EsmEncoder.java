package org.smcbench.model.esm;

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
 * An ESM-1b / ESM-2 protein encoder built from DJL primitives, as Hugging Face's {@code EsmModel}
 * without pooler: embeddings, pre-LayerNorm layers, {@code encoder.emb_layer_norm_after}.
 * Parameter names and layouts are Hugging Face's without the {@code esm.} prefix.
 *
 * <p>Input {@code NDList(ids int64 [B, T], attentionMask [B, T])}, mask 1 for real tokens and 0
 * for padding (any numeric type); output {@code NDList(hidden [B, T, H])}. Dropout is applied
 * only when {@code training} is true.
 *
 * <p>Built with a structure bias, every layer's attention scores also get a learned function of
 * the Cα–Cα distances ({@link StructureBias}), and the input is
 * {@code NDList(ids, attentionMask, coords float [B, T, 3], coordMask [B, T])}.
 */
public final class EsmEncoder extends AbstractBlock implements PrunableModel {
  private static final byte VERSION = 1;

  private final EsmConfig config;
  private final EsmEmbeddings embeddings;
  private final List<EsmLayer> layers = new ArrayList<>();
  /** One per layer when built with a structure bias, else empty. */
  private final List<StructureBias> structureBiases = new ArrayList<>();
  private final FinalLayerNorm finalNorm;

  /** An encoder of shape {@code config}; weights not loaded later are initialised from {@code seed}. */
  public EsmEncoder(EsmConfig config, long seed) {
    this(config, seed, false);
  }

  /**
   * @param structureBias add the per-layer distance bias ({@code encoder.layer.N.attention.structure_bias.*})
   *                      and take coordinates as inputs 3 and 4
   */
  public EsmEncoder(EsmConfig config, long seed, boolean structureBias) {
    super(VERSION);
    this.config = config;
    embeddings = addChildBlock("embeddings", new EsmEmbeddings(config, seed));
    for (int i = 0; i < config.layers(); i++) {
      layers.add(addChildBlock("layer" + i, new EsmLayer(config, i, seed)));
      if (structureBias) {
        structureBiases.add(addChildBlock("structure_bias" + i, new StructureBias(config, i, seed)));
      }
    }
    finalNorm = addChildBlock("emb_layer_norm_after", new FinalLayerNorm(config, seed));
  }

  /** Whether attention is biased by the inputs' coordinates. */
  public boolean hasStructureBias() {
    return !structureBiases.isEmpty();
  }

  public EsmConfig config() {
    return config;
  }

  /** The word-embedding table (shared with a tied masked-LM decoder). */
  Parameter wordEmbeddings() {
    return embeddings.words();
  }

  @Override
  public LinkedHashMap<String, Parameter> namedParameters() {
    LinkedHashMap<String, Parameter> named = new LinkedHashMap<>();
    embeddings.putNamedParameters(named);
    for (int i = 0; i < layers.size(); i++) {
      layers.get(i).putNamedParameters(named);
      if (hasStructureBias()) {
        structureBiases.get(i).putNamedParameters(named);
      }
    }
    finalNorm.putNamedParameters(named);
    return named;
  }

  @Override
  public List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>(embeddings.prunableScope());
    for (int i = 0; i < layers.size(); i++) {
      scope.addAll(layers.get(i).prunableScope());
      if (hasStructureBias()) {
        scope.add(structureBiases.get(i).prunable());
      }
    }
    return scope;
  }

  @Override
  public void initializeParameters(NDManager manager) {
    Shape nominal = new Shape(1, 1);
    if (hasStructureBias()) {
      initialize(manager, DataType.FLOAT32, nominal, nominal, new Shape(1, 1, 3), nominal);
    } else {
      initialize(manager, DataType.FLOAT32, nominal, nominal);
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    // Intermediates live in scopes closed as soon as they are consumed (autograd keeps what it
    // needs itself); only the result is handed back to the caller's manager.
    try (NDManager scope = NDManager.subManagerOf(ids)) {
      scope.tempAttachAll(inputs);
      NDArray mask = inputs.get(1).toType(DataType.FLOAT32, false);
      NDArray attentionBias = attentionBias(mask);
      // One cos/sin table per forward pass, shared by every layer.
      NDList rotary = config.rotary() ? Rotary.tables(scope, ids.getShape().get(1), config.headSize()) : new NDList();
      NDList distances = hasStructureBias() ? StructureBias.features(coords(inputs), inputs.get(3)) : null;
      NDArray x = embeddings.forward(ps, new NDList(ids, mask), training).singletonOrThrow();
      for (int i = 0; i < layers.size(); i++) {
        try (NDManager layerScope = scope.newSubManager()) {
          x.attach(layerScope);
          // The layer adds whatever bias it is given; [B, 1, 1, T] broadcasts against [B, heads, T, T].
          NDArray bias = distances == null ? attentionBias
              : attentionBias.add(structureBiases.get(i).forward(ps, distances, training).singletonOrThrow());
          NDList layerInputs = new NDList(x, bias);
          layerInputs.addAll(rotary);
          x = layerScope.ret(layers.get(i).forward(ps, layerInputs, training).singletonOrThrow());
        }
      }
      x = finalNorm.forward(ps, new NDList(x), training).singletonOrThrow();
      return new NDList(scope.ret(x));
    }
  }

  /** The coordinates (third input), checked: a structure-biased run without them is a caller bug, not a fallback. */
  private static NDArray coords(NDList inputs) {
    if (inputs.size() < 4) {
      throw new IllegalArgumentException("an ESM encoder with structure bias takes (ids, attentionMask, coords,"
          + " coordMask), got " + inputs.size() + " inputs");
    }
    NDArray coords = inputs.get(2);
    Shape ids = inputs.get(0).getShape();
    if (!coords.getShape().equals(new Shape(ids.get(0), ids.get(1), 3)) || !inputs.get(3).getShape().equals(ids)) {
      throw new IllegalArgumentException("coords must be [B, T, 3] and coordMask [B, T] for ids " + ids + ", got "
          + coords.getShape() + " and " + inputs.get(3).getShape());
    }
    return coords;
  }

  /** 0 where attended, the most negative float where masked (as Hugging Face), shaped [B, 1, 1, T]. */
  private static NDArray attentionBias(NDArray mask) {
    Shape shape = mask.getShape();
    return mask.sub(1f).mul(Float.MAX_VALUE).reshape(shape.get(0), 1, 1, shape.get(1));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    embeddings.initialize(manager, dataType, ids, inputShapes[1]);
    Shape hidden = new Shape(ids.get(0), ids.get(1), config.hidden());
    Shape bias = new Shape(ids.get(0), 1, 1, ids.get(1));
    for (EsmLayer layer : layers) {
      layer.initialize(manager, dataType, hidden, bias);
    }
    Shape rbf = new Shape(ids.get(0), ids.get(1), ids.get(1), StructureBias.RBF_COUNT);
    Shape pairs = new Shape(ids.get(0), 1, ids.get(1), ids.get(1));
    for (StructureBias structureBias : structureBiases) {
      structureBias.initialize(manager, dataType, rbf, pairs);
    }
    finalNorm.initialize(manager, dataType, hidden);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), config.hidden())};
  }
}
