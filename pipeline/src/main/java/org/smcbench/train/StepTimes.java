package org.smcbench.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wall time of each part of every training step (batch assembly, forward with the loss, backward,
 * the method's hook before the update, the optimizer, the method's hook after it — re-masking),
 * for the step benchmark. {@link #NONE} records nothing and is what runs use.
 */
public class StepTimes {
  public static final List<String> PARTS = List.of("batch", "forward", "backward", "before_update", "optimizer",
      "after_update");

  /** Records nothing. */
  public static final StepTimes NONE = new StepTimes() {
    @Override
    void record(String part, long nanos) {}
  };

  private final Map<String, List<Long>> nanos = new LinkedHashMap<>();

  public StepTimes() {
    for (String part : PARTS) {
      nanos.put(part, new ArrayList<>());
    }
  }

  void record(String part, long elapsedNanos) {
    nanos.get(part).add(elapsedNanos);
  }

  /** Milliseconds of {@code part} in each step, in step order. */
  public double[] millis(String part) {
    List<Long> v = nanos.get(part);
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i) / 1e6;
    }
    return out;
  }

  /** Milliseconds of whole steps (the sum of the parts), in step order. */
  public double[] stepMillis() {
    double[] total = new double[nanos.get(PARTS.get(0)).size()];
    for (String part : PARTS) {
      double[] p = millis(part);
      for (int i = 0; i < total.length; i++) {
        total[i] += p[i];
      }
    }
    return total;
  }
}
