package org.smcbench.results;

import java.util.List;

/** Names of the Delta tables the pipeline writes (each in its own folder under the warehouse). */
public final class Tables {
  public static final String QA_EXAMPLES = "qa_examples";
  public static final String MWP_EXAMPLES = "mwp_examples";
  public static final String QUARANTINE = "quarantine";
  public static final String RUNS = "runs";
  public static final String LAYER_SPARSITY = "layer_sparsity";
  public static final String MASKS = "masks";
  public static final String LEADERBOARD = "leaderboard";
  public static final String LEADERBOARD_FOLDS = "leaderboard_folds";
  public static final String MATCHING_SPARSITY = "matching_sparsity";
  public static final String LAYER_PROFILE = "layer_profile";
  public static final String MASK_OVERLAP = "mask_overlap";

  public static final List<String> ALL = List.of(QA_EXAMPLES, MWP_EXAMPLES, QUARANTINE, RUNS, LAYER_SPARSITY, MASKS,
      LEADERBOARD, LEADERBOARD_FOLDS, MATCHING_SPARSITY, LAYER_PROFILE, MASK_OVERLAP);

  private Tables() {}
}
