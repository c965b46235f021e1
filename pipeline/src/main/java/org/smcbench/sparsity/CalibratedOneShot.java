package org.smcbench.sparsity;

/**
 * What the one-shot methods that prune from calibration activations (Wanda, SparseGPT) share: they
 * start from the dense fine-tuned model, prune once to a fixed mask (so N:M selections apply), read
 * a number of calibration batches, and either re-train like the other After methods or are
 * evaluated as pruned (their papers' setting). Subclasses compute {@link #initialMasks}.
 */
public abstract class CalibratedOneShot implements SparsityMethod {
  private final String name;
  private final int batches;
  private final boolean retrain;

  protected CalibratedOneShot(String name, int batches, boolean retrain) {
    if (batches < 1) {
      throw new IllegalArgumentException(name + " needs at least one calibration batch, got " + batches);
    }
    this.name = name;
    this.batches = batches;
    this.retrain = retrain;
  }

  /** Training batches the calibration forward passes read. */
  protected final int batches() {
    return batches;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean retrains() {
    return retrain;
  }

  @Override
  public final Timing timing() {
    return Timing.AFTER;
  }

  @Override
  public final boolean prunesOnceFromScores() {
    return true;
  }

  @Override
  public final StartPoint startPoint() {
    return StartPoint.DENSE_FINETUNED;
  }
}
