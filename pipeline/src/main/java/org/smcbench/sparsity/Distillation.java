package org.smcbench.sparsity;

/**
 * A method's re-training distils from its dense parent (the dense fine-tuned model of the same
 * dataset, model and seed): loss (1 − hardness)·CE + hardness·T²·KL(teacher/T ‖ student/T).
 */
public record Distillation(double temperature, double hardness) {
  public Distillation {
    if (!(temperature > 0) || !(hardness >= 0 && hardness <= 1)) {
      throw new IllegalArgumentException("kd-temperature must be > 0 and kd-hardness in [0, 1]; got " + temperature
          + ", " + hardness);
    }
  }
}
