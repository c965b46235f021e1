package org.smcbench.results;

import java.io.Serializable;

/**
 * One row of {@code smc.runs}: what ran, what it scored, and its provenance. A failed run is a row
 * too, with the error and the step it happened at.
 */
public record RunRecord(
    String runKey,
    String task,
    String dataset,
    String fold,
    String model,
    String method,
    String timing,
    double targetSparsity,
    Double actualSparsity,
    int seed,
    String selection,
    String scope,
    String metricName,
    Double metricValue,
    Double chance,
    String metricsJson,
    String status,
    String errorClass,
    String error,
    Integer failedStep,
    int trainSteps,
    Double finalLoss,
    double wallSeconds,
    String phaseSecondsJson,
    String device,
    String executorId,
    String codeVersion,
    long inputVersion,
    String parentRunKey,
    String configJson,
    long finishedAtMillis) implements Serializable {

  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public boolean succeeded() {
    return SUCCEEDED.equals(status);
  }
}
