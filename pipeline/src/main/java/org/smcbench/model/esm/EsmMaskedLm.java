package org.smcbench.model.esm;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smcbench.model.EncoderHeadModel;
import org.smcbench.model.FloatTensor;

/**
 * Masked-language-model pre-training of an ESM encoder, as Hugging Face's {@code EsmForMaskedLM}:
 * encoder, then {@code lm_head} whose decoder is the word-embedding table itself.
 *
 * <p>Input {@code NDList(ids int64 [B, T], attentionMask [B, T])}; output
 * {@code NDList(logits [B, T, V])}.
 */
public final class EsmMaskedLm extends EncoderHeadModel<EsmEncoder> {
  /** @param seed initialises every weight not loaded from a checkpoint; the same seed gives the same weights */
  public EsmMaskedLm(EsmConfig config, long seed) {
    this(new EsmEncoder(config, seed), seed);
  }

  private EsmMaskedLm(EsmEncoder encoder, long seed) {
    super(encoder, "lm_head", new EsmLmHead(encoder.config(), encoder.wordEmbeddings(), seed));
  }

  /** The encoder's parameters only (names without prefix), e.g. for {@link HfEsmCheckpoint#write}. */
  public LinkedHashMap<String, Parameter> encoderParameters() {
    return encoder().namedParameters();
  }

  /** The head's own parameters ({@code lm_head.*}; the tied decoder is the encoder's word embedding). */
  public LinkedHashMap<String, Parameter> lmHeadParameters() {
    LinkedHashMap<String, Parameter> named = new LinkedHashMap<>();
    head().putNamedParameters(named);
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

  @Override
  protected List<String> inputNames() {
    return List.of("ids", "attentionMask");
  }

  @Override
  protected Shape[] nominalInputShapes() {
    Shape nominal = new Shape(1, 1);
    return new Shape[] {nominal, nominal};
  }

  @Override
  protected NDList encoderInputs(NDList inputs) {
    return inputs;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    encoder().initialize(manager, dataType, ids, inputShapes[1]);
    head().initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), encoder().config().hidden()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), encoder().config().vocabSize())};
  }
}
