package org.smcbench.model.mbart;

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
import java.util.Map;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.NamedParameterBlock;
import org.smcbench.model.PrunableModel;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;
import org.smcbench.model.TransformerBlock;

/**
 * An mBART-style encoder-decoder as Hugging Face's {@code MBartForConditionalGeneration}:
 * pre-LayerNorm encoder and decoder stacks with a final LayerNorm each, one token embedding shared
 * by both stacks and tied to the output projection, learned positions per stack. Parameter names
 * are the checkpoint's ({@code model.encoder.layers.0.self_attn.q_proj.weight}, ...).
 *
 * <p>Teacher forcing: input {@code NDList(sourceIds int64 [B, S], sourceMask [B, S],
 * decoderInputIds int64 [B, T])}, sources and targets padded on the right; output {@code
 * NDList(logits [B, T, V])}. Decoding goes through {@link #decoder}.
 */
public final class MbartModel extends AbstractBlock implements PrunableModel, TrainableModel {
  private static final byte VERSION = 1;
  static final String SHARED = "model.shared.weight";
  /** Very negative but finite, so a sum of two masks cannot overflow to NaN after softmax. */
  private static final float MASKED = -1e9f;

  private final MbartConfig config;
  private final SharedEmbedding shared;
  private final MbartEmbeddings encoderEmbeddings;
  private final List<MbartEncoderLayer> encoderLayers = new ArrayList<>();
  private final MbartLayerNorm encoderNorm;
  private final MbartEmbeddings decoderEmbeddings;
  private final List<MbartDecoderLayer> decoderLayers = new ArrayList<>();
  private final MbartLayerNorm decoderNorm;
  /** Hugging Face's {@code final_logits_bias} buffer: not trained, zeros unless a checkpoint says otherwise. */
  private float[] finalLogitsBias;

  /** @param seed initialises every weight not loaded from a checkpoint; the same seed gives identical weights */
  public MbartModel(MbartConfig config, long seed) {
    super(VERSION);
    this.config = config;
    shared = addChildBlock("shared", new SharedEmbedding(config, seed));
    encoderEmbeddings = addChildBlock("encoder_embeddings", new MbartEmbeddings(config, "encoder", seed));
    for (int i = 0; i < config.encoderLayers(); i++) {
      MbartEncoderLayer layer = new MbartEncoderLayer(config, i, seed);
      register("encoder_" + i + "_", layer.blocks());
      encoderLayers.add(layer);
    }
    encoderNorm = addChildBlock("encoder_layer_norm", new MbartLayerNorm("model.encoder.layer_norm", config.dModel(),
        seed));
    decoderEmbeddings = addChildBlock("decoder_embeddings", new MbartEmbeddings(config, "decoder", seed));
    for (int i = 0; i < config.decoderLayers(); i++) {
      MbartDecoderLayer layer = new MbartDecoderLayer(config, i, seed);
      register("decoder_" + i + "_", layer.blocks());
      decoderLayers.add(layer);
    }
    decoderNorm = addChildBlock("decoder_layer_norm", new MbartLayerNorm("model.decoder.layer_norm", config.dModel(),
        seed));
    finalLogitsBias = new float[config.vocabSize()];
  }

  private void register(String prefix, List<NamedParameterBlock> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      addChildBlock(prefix + i, blocks.get(i));
    }
  }

  public MbartConfig config() {
    return config;
  }

  /** Hugging Face's {@code final_logits_bias} (length V), copied. */
  public float[] finalLogitsBias() {
    return finalLogitsBias.clone();
  }

  /** Sets {@code final_logits_bias} as read from a checkpoint. */
  public void setFinalLogitsBias(float[] bias) {
    if (bias.length != config.vocabSize()) {
      throw new IllegalArgumentException("final_logits_bias has " + bias.length + " entries, vocabulary "
          + config.vocabSize());
    }
    finalLogitsBias = bias.clone();
  }

  /**
   * Loads a checkpoint's weights by name ({@link HfMbartCheckpoint#weights()}); fails on any
   * missing or unexpected key or shape mismatch before copying anything.
   */
  public void loadWeights(Map<String, FloatTensor> weights, NDManager manager) {
    org.smcbench.model.bert.PretrainedWeights.loadExactly("mBART checkpoint", namedParameters(), weights, manager);
  }

  @Override
  public NDList forward(ParameterStore parameterStore, NDList inputs, boolean training) {
    return forward(parameterStore, inputs, training, null);
  }

  @Override
  public LinkedHashMap<String, Parameter> namedParameters() {
    LinkedHashMap<String, Parameter> named = new LinkedHashMap<>();
    shared.putNamedParameters(named);
    encoderEmbeddings.putNamedParameters(named);
    encoderLayers.forEach(l -> l.putNamedParameters(named));
    encoderNorm.putNamedParameters(named);
    decoderEmbeddings.putNamedParameters(named);
    decoderLayers.forEach(l -> l.putNamedParameters(named));
    decoderNorm.putNamedParameters(named);
    return named;
  }

  /**
   * Every matrix, as fairseq's pruning of every 2-D parameter: the shared embedding (also the
   * output projection), both position tables, and each layer's attention (self and cross) and FFN
   * matrices; never biases or LayerNorms.
   */
  @Override
  public List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>();
    scope.add(shared.prunable());
    scope.add(encoderEmbeddings.prunable());
    scope.add(decoderEmbeddings.prunable());
    encoderLayers.forEach(l -> scope.addAll(l.prunableScope()));
    decoderLayers.forEach(l -> scope.addAll(l.prunableScope()));
    return scope;
  }

  @Override
  public void initializeParameters(NDManager manager) {
    Shape nominal = new Shape(1, 1);
    initialize(manager, DataType.FLOAT32, nominal, nominal, nominal);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    try (NDManager scope = NDManager.subManagerOf(inputs.get(0))) {
      scope.tempAttachAll(inputs);
      NDArray sourceBias = sourceBias(inputs.get(1));
      NDArray encoded = encode(ps, inputs.get(0), sourceBias, training);
      NDArray target = inputs.get(2);
      NDArray x = decoderEmbeddings.apply(ps, target, table(ps, target, training), 0, training);
      NDArray causal = causalBias(scope, (int) target.getShape().get(1), target.getDevice());
      for (MbartDecoderLayer layer : decoderLayers) {
        x = layer.apply(ps, x, causal, encoded, sourceBias, training);
      }
      return new NDList(scope.ret(logits(ps, decoderNorm.apply(ps, x, training), training)));
    }
  }

  /** Encoder output [B, S, H] for source ids [B, S] with {@code sourceBias} from {@link #sourceBias}. */
  NDArray encode(ParameterStore ps, NDArray sourceIds, NDArray sourceBias, boolean training) {
    NDArray x = encoderEmbeddings.apply(ps, sourceIds, table(ps, sourceIds, training), 0, training);
    for (MbartEncoderLayer layer : encoderLayers) {
      x = layer.apply(ps, x, sourceBias, training);
    }
    return encoderNorm.apply(ps, x, training);
  }

  /** Scores over the vocabulary for decoder states [.., H]: the shared embedding as output matrix. */
  NDArray logits(ParameterStore ps, NDArray hidden, boolean training) {
    NDArray logits = hidden.matMul(table(ps, hidden, training).transpose());
    for (float b : finalLogitsBias) {
      if (b != 0f) {
        return logits.add(hidden.getManager().create(finalLogitsBias));
      }
    }
    return logits;
  }

  NDArray table(ParameterStore ps, NDArray like, boolean training) {
    return ps.getValue(shared.weight, like.getDevice(), training);
  }

  MbartEmbeddings decoderEmbeddings() {
    return decoderEmbeddings;
  }

  List<MbartDecoderLayer> decoderLayers() {
    return decoderLayers;
  }

  MbartLayerNorm decoderNorm() {
    return decoderNorm;
  }

  /** 0 on real source tokens, very negative on padding, shaped [B, 1, 1, S]. */
  static NDArray sourceBias(NDArray mask) {
    Shape s = mask.getShape();
    return mask.toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED).reshape(s.get(0), 1, 1, s.get(1));
  }

  /**
   * Position j hidden from position i > ... (future positions masked) as [1, 1, T, T]. Targets are
   * padded on the right, so the causal mask alone keeps padding out of every real position's view.
   */
  private static NDArray causalBias(NDManager manager, int length, ai.djl.Device device) {
    NDArray rows = manager.arange(0, length, 1, DataType.INT32, device).reshape(length, 1);
    NDArray cols = manager.arange(0, length, 1, DataType.INT32, device).reshape(1, length);
    return cols.gt(rows).toType(DataType.FLOAT32, false).mul(MASKED).reshape(1, 1, length, length);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape hidden = new Shape(1, 1, config.dModel());
    for (var child : getChildren().values()) {
      child.initialize(manager, dataType, hidden, hidden, new Shape(1, 1, 1, 1));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape target = inputShapes[2];
    return new Shape[] {new Shape(target.get(0), target.get(1), config.vocabSize())};
  }

  /** {@code model.shared.weight}: the token table of both stacks and the output projection. */
  private static final class SharedEmbedding extends TransformerBlock {
    private final Parameter weight;

    SharedEmbedding(MbartConfig config, long seed) {
      super(seed);
      weight = embedding(SHARED, config.vocabSize(), config.dModel(), config.padId());
    }

    PrunableTensor prunable() {
      return new PrunableTensor(weight.getName(), ModuleKind.EMBEDDING, -1, weight);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
        PairList<String, Object> params) {
      throw new UnsupportedOperationException("the shared embedding is read through MbartModel");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return inputShapes;
    }
  }
}
