package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.smcbench.model.PrunableTensor;

/** How a tree decoder's input words become vectors [B, T, E]: a word table, or a pretrained encoder. */
abstract class InputEmbedding extends GtsBlock {
  InputEmbedding(long seed) {
    super(seed);
  }

  /** @param inputs the model's inputs ({@link GtsInputs}); word ids are {@code inputs.get(0)} */
  abstract NDArray embed(ParameterStore ps, NDList inputs, boolean training);

  abstract List<PrunableTensor> prunableScope();
}
