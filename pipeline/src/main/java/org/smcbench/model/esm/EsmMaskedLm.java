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
import java.util.Map;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.PrunableModel;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;

/**
 * Masked-language-model pre-training of an ESM encoder, as Hugging Face's {@code EsmForMaskedLM}:
 * encoder, then {@code lm_head} whose decoder is the word-embedding table itself.
 *
 * <p>Input {@code NDList(ids int64 [B, T], attentionMask [B, T])}; output
 * {@code NDList(logits [B, T, V])}.
 */
public final class EsmMaskedLm extends AbstractBlock implements PrunableModel, TrainableModel {
  private static final byte VERSION = 1;

  private final EsmEncoder encoder;
  private final EsmLmHead head;

  /** @param seed initialises every weight not loaded from a checkpoint; the same seed gives the same weights */
  public EsmMaskedLm(EsmConfig config, long seed) {
    super(VERSION);
    encoder = addChildBlock("encoder", new EsmEncoder(config, seed));
    head = addChildBlock("lm_head", new EsmLmHead(config, encoder.wordEmbeddings(), seed));
  }

  public EsmEncoder encoder() {
    return encoder;
  }

  /** The encoder's parameters only (names without prefix), e.g. for {@link HfEsmCheckpoint#write}. */
  public LinkedHashMap<String, Parameter> encoderParameters() {
    return encoder.namedParameters();
  }

  /** The head's own parameters ({@code lm_head.*}; the tied decoder is the encoder's word embedding). */
  public LinkedHashMap<String, Parameter> lmHeadParameters() {
    LinkedHashMap<String, Parameter> named = new LinkedHashMap<>();
    head.putNamedParameters(named);
    return named;
  }

  /** Loads a checkpoint's encoder and {@code lm_head} tensors; every key must match. */
  public void loadWeights(Map<String, FloatTensor> encoderWeights, Map<String, FloatTensor> lmHeadWeights,
      NDManager manager) {
    // Both checked before either is copied, so a bad head leaves the encoder untouched.
    Map<String, FloatTensor> all = new LinkedHashMap<>(encoderWeights);
    all.putAll(lmHeadWeights);
    org.smcbench.model.bert.PretrainedWeights.loadExactly("ESM masked-LM checkpoint", namedParameters(), all, manager);
  }

  /** Block's default and TrainableModel's method coincide; stated once so both are satisfied. */
  @Override
  public NDList forward(ParameterStore parameterStore, NDList inputs, boolean training) {
    return forward(parameterStore, inputs, training, null);
  }

  @Override
  public LinkedHashMap<String, Parameter> namedParameters() {
    LinkedHashMap<String, Parameter> named = encoderParameters();
    named.putAll(lmHeadParameters());
    return named;
  }

  @Override
  public List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>(encoder.prunableScope());
    scope.add(head.prunable());
    return scope;
  }

  @Override
  public void initializeParameters(NDManager manager) {
    Shape nominal = new Shape(1, 1);
    initialize(manager, DataType.FLOAT32, nominal, nominal);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    try (NDManager scope = NDManager.subManagerOf(inputs.get(0))) {
      scope.tempAttachAll(inputs);
      NDArray hidden = encoder.forward(ps, inputs, training).singletonOrThrow();
      return new NDList(scope.ret(head.forward(ps, new NDList(hidden), training).singletonOrThrow()));
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    encoder.initialize(manager, dataType, ids, inputShapes[1]);
    head.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), encoder.config().hidden()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), encoder.config().vocabSize())};
  }
}
