package org.smcbench.results;

import java.util.List;

/** Names of the Delta tables the pipeline writes (each in its own folder under the warehouse). */
public final class Tables {
  public static final String QA_EXAMPLES = "qa_examples";
  public static final String MWP_EXAMPLES = "mwp_examples";
  public static final String PROTEIN_EXAMPLES = "protein_examples";
  /** Aligned sentence pairs of the translation task, one row per direction (src_lang → tgt_lang). */
  public static final String PARALLEL_TEXT = "parallel_text";
  /** Encoders the pipeline pre-trained itself (masked-LM), with where they are and what they saw. */
  public static final String PRETRAINED = "pretrained_checkpoints";
  public static final String QUARANTINE = "quarantine";
  public static final String RUNS = "runs";
  public static final String LAYER_SPARSITY = "layer_sparsity";
  public static final String MASKS = "masks";
  public static final String LEADERBOARD = "leaderboard";
  public static final String LEADERBOARD_FOLDS = "leaderboard_folds";
  public static final String MATCHING_SPARSITY = "matching_sparsity";
  public static final String LAYER_PROFILE = "layer_profile";
  public static final String MASK_OVERLAP = "mask_overlap";
  /** Per translation run and direction: BLEU, chrF, the copy-the-source baseline and the signatures. */
  public static final String TRANSLATION_SCORES = "translation_scores";
  /** Per dataset, the fingerprint of the files and settings its last ingest read (the nightly's skip). */
  public static final String INGEST_STATE = "ingest_state";
  /** One row per nightly: code version, times, status, counts, the Delta version of every table it wrote. */
  public static final String NIGHTLY_RUNS = "nightly_runs";

  public static final List<String> ALL = List.of(QA_EXAMPLES, MWP_EXAMPLES, PROTEIN_EXAMPLES, PARALLEL_TEXT, PRETRAINED, QUARANTINE, RUNS, LAYER_SPARSITY, MASKS,
      LEADERBOARD, LEADERBOARD_FOLDS, MATCHING_SPARSITY, LAYER_PROFILE, MASK_OVERLAP, TRANSLATION_SCORES, INGEST_STATE,
      NIGHTLY_RUNS);

  private Tables() {}
}
