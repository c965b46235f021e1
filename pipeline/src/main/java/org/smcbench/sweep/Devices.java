package org.smcbench.sweep;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The device a run trains on: the GPU Spark assigned to this task, never a guessed index. */
public final class Devices {
  private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

  private Devices() {}

  public static Device forTask(String setting) {
    if ("cpu".equals(setting)) {
      return Device.cpu();
    }
    TaskContext task = TaskContext.get();
    if (task != null && task.resources().contains("gpu")) {
      ResourceInformation gpu = task.resources().apply("gpu");
      String address = gpu.addresses()[0];
      if (Engine.getInstance().getGpuCount() > 0) {
        return Device.gpu(Integer.parseInt(address));
      }
      LOG.warn("Spark assigned GPU {} to this task but the PyTorch engine has no CUDA; training on CPU", address);
      return Device.cpu();
    }
    if ("gpu".equals(setting)) {
      if (Engine.getInstance().getGpuCount() > 0) {
        return Device.gpu();
      }
      LOG.warn("compute.device = gpu but the PyTorch engine sees no GPU; training on CPU");
    }
    return Device.cpu();
  }

  /** "cpu" or "gpu:N", as recorded in results. */
  public static String label(Device device) {
    return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
  }
}
