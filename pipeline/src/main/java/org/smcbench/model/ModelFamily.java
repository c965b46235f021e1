package org.smcbench.model;

import ai.djl.ndarray.NDManager;
import org.smcbench.config.ModelSettings;
import org.smcbench.data.protein.ProteinVocabulary;
import org.smcbench.task.TaskData;

/**
 * A kind of network (BERT + multiple-choice head, tree decoder, ...): builds it from DJL
 * primitives with its pretrained weights, and supplies the tokenizer its inputs were made with.
 */
public interface ModelFamily {
  String name();

  /** The tasks whose data this family reads (a sweep pairs a model only with datasets of these tasks). */
  java.util.Set<String> tasks();

  /**
   * Builds the model in {@code manager} with pretrained weights; task heads start from {@code seed}.
   * {@code train} is the run's train split: a family whose shape depends on the data (a tree
   * decoder's vocabularies) sizes itself from it; others ignore it.
   */
  TrainableModel build(ModelSettings settings, TaskData train, NDManager manager, long seed);

  /**
   * The Hugging Face {@code tokenizer.json} the ingest uses for this model's inputs; families whose
   * inputs are plain words (vocabularies built from the train split) throw.
   */
  byte[] tokenizerJson(ModelSettings settings);

  /** The ids a protein model of this family reads: ESM's, which ingest stores, unless the family says otherwise. */
  default ProteinVocabulary proteinVocabulary() {
    return ProteinVocabulary.ESM;
  }
}
