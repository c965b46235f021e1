package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.bert.BertEncoder;

/**
 * Words embedded by a whole pretrained encoder, as the paper's GTS and Graph2Tree embed them with
 * RoBERTa: the encoder reads the problem's sub-words ({@link GtsInputs#SUBWORD_IDS}, …) and each
 * word's vector is the mean of its pieces' outputs ({@link GtsInputs#SUBWORD_POOL}). The encoder is
 * fine-tuned with the rest; its tensors are in the prunable scope under {@value #PREFIX}.
 */
final class ContextualEmbedding extends InputEmbedding {
  static final String PREFIX = "embedding.";
  private final BertEncoder encoder;

  /** @param encoder initialised, with its pretrained weights */
  ContextualEmbedding(BertEncoder encoder, long seed) {
    super(seed);
    this.encoder = addChildBlock("pretrained", encoder);
  }

  @Override
  NDArray embed(ParameterStore ps, NDList inputs, boolean training) {
    NDArray ids = require(inputs, GtsInputs.SUBWORD_IDS);
    NDArray states = encoder.forward(ps, new NDList(ids, require(inputs, GtsInputs.SUBWORD_TYPES),
        require(inputs, GtsInputs.SUBWORD_MASK)), training).singletonOrThrow();
    return require(inputs, GtsInputs.SUBWORD_POOL).matMul(states);
  }

  private static NDArray require(NDList inputs, String name) {
    NDArray array = GtsInputs.optional(inputs, name);
    if (array == null) {
      throw new IllegalArgumentException("a model embedding words with a pretrained encoder needs input '" + name
          + "' (the data was loaded without sub-words)");
    }
    return array;
  }

  @Override
  public void putNamedParameters(Map<String, Parameter> out) {
    encoder.namedParameters().forEach((name, p) -> out.put(PREFIX + name, p));
  }

  @Override
  List<PrunableTensor> prunableScope() {
    return encoder.prunableScope().stream()
        .map(t -> new PrunableTensor(PREFIX + t.name(), t.kind(), t.layer(), t.parameter())).toList();
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    if (!encoder.isInitialized()) {
      encoder.initializeParameters(manager);
    }
  }
}
