package org.smcbench.model;

import ai.djl.ndarray.NDManager;
import org.smcbench.config.ModelSettings;

/**
 * A kind of network (BERT + multiple-choice head, tree decoder, ...): builds it from DJL
 * primitives with its pretrained weights, and supplies the tokenizer its inputs were made with.
 */
public interface ModelFamily {
  String name();

  /** Builds the model in {@code manager} with pretrained weights; task heads start from {@code seed}. */
  TrainableModel build(ModelSettings settings, NDManager manager, long seed);

  /** The Hugging Face {@code tokenizer.json} the ingest uses for this model's inputs. */
  byte[] tokenizerJson(ModelSettings settings);
}
