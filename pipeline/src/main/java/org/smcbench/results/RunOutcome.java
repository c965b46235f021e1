package org.smcbench.results;

import java.io.Serializable;
import java.util.List;

/**
 * What one configuration's Spark task sends back to the driver: the run row, its per-layer rows,
 * and for sparse runs the kept-weight bitsets (empty for dense and failed runs).
 */
public record RunOutcome(RunRecord run, List<LayerRecord> layers, List<MaskRecord> masks) implements Serializable {
  public RunOutcome(RunRecord run, List<LayerRecord> layers) {
    this(run, layers, List.of());
  }
}
