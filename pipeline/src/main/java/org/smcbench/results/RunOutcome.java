package org.smcbench.results;

import java.io.Serializable;
import java.util.List;

/** What one configuration's Spark task sends back to the driver. */
public record RunOutcome(RunRecord run, List<LayerRecord> layers) implements Serializable {}
