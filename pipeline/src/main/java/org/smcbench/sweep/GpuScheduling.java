package org.smcbench.sweep;

import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.resource.ExecutorResourceRequests;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;
import org.smcbench.config.ConfigError;

/**
 * The stage-level resource request of a training stage (sweep, pre-training) under
 * {@code compute.device = gpu}: one whole GPU and {@code spark.task.cpus} cores per task, so the
 * training stage gets a GPU each while SQL stages keep the default profile (on a cluster that
 * gives SQL tasks a fraction of a GPU, see conf/cluster.conf). The task then trains on the address
 * Spark assigned it ({@link Devices}).
 *
 * <p>With dynamic allocation the profile also asks for executors with a GPU (Spark starts them);
 * without it, Spark 3.5 accepts a task-only profile on standalone, YARN and Kubernetes, and the
 * executors must already have GPUs. Local mode has no stage-level scheduling: no profile there.
 */
public final class GpuScheduling {
  public static final String GPU = "gpu";
  static final double GPUS_PER_TASK = 1.0;

  private GpuScheduling() {}

  /** The profile a training stage of {@code sc} runs with, or empty when it runs with the default one. */
  public static Optional<ResourceProfile> trainingProfile(String device, SparkContext sc) {
    return trainingProfile(device, sc.master(), sc.getConf());
  }

  static Optional<ResourceProfile> trainingProfile(String device, String master, SparkConf conf) {
    if (!"gpu".equals(device) || isLocalMode(master)) {
      return Optional.empty();
    }
    int taskCpus = conf.getInt("spark.task.cpus", 1);
    TaskResourceRequests task = new TaskResourceRequests().cpus(taskCpus).resource(GPU, GPUS_PER_TASK);
    ResourceProfileBuilder builder = new ResourceProfileBuilder().require(task);
    if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
      String script = conf.get("spark.executor.resource.gpu.discoveryScript", "");
      if (script.isBlank()) {
        throw new ConfigError("compute.device = gpu with dynamic allocation needs spark.executor.resource.gpu."
            + "discoveryScript (e.g. conf/gpu-discovery.sh) so that the executors Spark starts can find their GPU");
      }
      int executorCores = conf.getInt("spark.executor.cores", taskCpus);
      builder.require(new ExecutorResourceRequests().cores(executorCores).resource(GPU, 1, script,
          conf.get("spark.executor.resource.gpu.vendor", "")));
    } else if (conf.getDouble("spark.executor.resource.gpu.amount", 0) < GPUS_PER_TASK) {
      throw new ConfigError("compute.device = gpu on " + master + ": the executors have no GPU "
          + "(spark.executor.resource.gpu.amount is not set or below 1); set it with "
          + "spark.executor.resource.gpu.discoveryScript (conf/cluster.conf shows both), or use compute.device = auto");
    }
    return Optional.of(builder.build());
  }

  /** "1.0 gpu and 2 cpus per task" (and the executor request, if any), for the log. */
  public static String describe(ResourceProfile profile) {
    StringBuilder text = new StringBuilder();
    profile.taskResources().foreach(e -> text.append(text.length() > 0 ? " and " : "")
        .append(e._2().amount()).append(' ').append(e._1()));
    text.append(" per task");
    if (!profile.executorResources().isEmpty()) {
      text.append(", on executors with ");
      profile.executorResources().foreach(e -> text.append(e._2().amount()).append(' ').append(e._1()).append(' '));
    }
    return text.toString().trim();
  }

  /** {@code local} and {@code local[n]} run every task in the driver: nothing to schedule GPUs on. */
  static boolean isLocalMode(String master) {
    return master.equals("local") || master.startsWith("local[");
  }
}
