package org.smcbench.sweep;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a Spark task trains: the GPU Spark assigned to it, never a guessed index, and as many
 * intra-op threads as the task owns cores.
 */
public final class Devices {
  private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

  private Devices() {}

  /** The device and the label the results record for it. */
  public record Placement(Device device, String label) {}

  /**
   * A GPU Spark assigned ({@code TaskContext.resources()}) wins; when the engine has no CUDA the
   * task trains on CPU, says so in the log and records the address it was given.
   */
  public static Placement place(String setting) {
    if ("cpu".equals(setting)) {
      return new Placement(Device.cpu(), "cpu");
    }
    TaskContext task = TaskContext.get();
    if (task != null && task.resources().contains("gpu")) {
      ResourceInformation gpu = task.resources().apply("gpu");
      String address = gpu.addresses()[0];
      if (Engine.getInstance().getGpuCount() > 0) {
        Device device = Device.gpu(Integer.parseInt(address));
        return new Placement(device, label(device));
      }
      LOG.warn("Spark assigned GPU {} to task {} (stage {}) but the PyTorch engine has no CUDA; training on CPU",
          address, task.taskAttemptId(), task.stageId());
      return new Placement(Device.cpu(), "cpu (assigned gpu " + address + ", no CUDA)");
    }
    if ("gpu".equals(setting)) {
      if (Engine.getInstance().getGpuCount() > 0) {
        Device device = Device.gpu();
        return new Placement(device, label(device));
      }
      LOG.warn("compute.device = gpu but the PyTorch engine sees no GPU; training on CPU");
    }
    return new Placement(Device.cpu(), "cpu");
  }

  /**
   * Sets PyTorch's intra-op threads for this thread's work: the setting when positive, else the
   * cores this Spark task owns ({@code spark.task.cpus}), else the engine's default.
   */
  public static void setThreads(int setting) {
    TaskContext task = TaskContext.get();
    int threads = setting > 0 ? setting : task != null ? task.cpus() : 0;
    if (threads > 0) {
      JniUtils.setNumThreads(threads);
    }
  }

  /** "cpu" or "gpu:N", as recorded in results. */
  private static String label(Device device) {
    return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
  }
}
