package org.smcbench.train;

/** The loss became NaN or infinite: the run is recorded as failed at this step. */
public final class TrainingDiverged extends RuntimeException {
  private final int step;

  public TrainingDiverged(int step, double loss) {
    super("loss is " + loss + " at step " + step);
    this.step = step;
  }

  public int step() {
    return step;
  }
}
