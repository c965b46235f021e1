package org.smcbench.sweep;

import java.io.Serializable;
import org.smcbench.task.TaskData;

/** Everything a run needs besides its spec, shipped to the executor (no Spark objects). */
public record RunInputs(
    TaskData train,
    TaskData eval,
    String warehousePath,
    String device,
    int threads,
    String codeVersion,
    String configJson,
    double chance) implements Serializable {}
