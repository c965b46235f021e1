package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.spark.SparkConf;
import org.apache.spark.resource.ExecutorResourceRequest;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.TaskResourceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigError;

class GpuSchedulingTest {
  private static SparkConf conf(String... pairs) {
    SparkConf conf = new SparkConf(false);
    for (int i = 0; i < pairs.length; i += 2) {
      conf.set(pairs[i], pairs[i + 1]);
    }
    return conf;
  }

  /** conf/gpu-discovery.sh with a fake nvidia-smi: Spark's own parser reads what it prints. */
  @Test
  void discoveryScriptPrintsWhatSparkParses(@TempDir Path dir) throws Exception {
    Path script = Path.of(System.getProperty("smc.project.root", "..")).resolve("conf/gpu-discovery.sh");
    Path smi = dir.resolve("nvidia-smi");
    Files.writeString(smi, "#!/bin/sh\nprintf '0\\n 1\\n3\\n'\n");
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder pb = new ProcessBuilder(script.toString());
    pb.environment().put("PATH", dir + ":/usr/bin:/bin");
    Process p = pb.start();
    String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), json);
    ResourceInformation gpus = ResourceInformation.parseJson(json);
    assertEquals("gpu", gpus.name());
    assertArrayEquals(new String[] {"0", "1", "3"}, gpus.addresses());

    Files.writeString(smi, "#!/bin/sh\nexit 0\n");
    Process none = pb.redirectErrorStream(true).start();
    String error = new String(none.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, none.waitFor());
    assertTrue(error.contains("nvidia-smi lists no GPU"), error);
  }

  @Test
  void noProfileOffGpuOrInLocalMode() {
    SparkConf withGpus = conf("spark.executor.resource.gpu.amount", "1");
    assertTrue(GpuScheduling.trainingProfile("cpu", "spark://m:7077", withGpus).isEmpty());
    assertTrue(GpuScheduling.trainingProfile("auto", "spark://m:7077", withGpus).isEmpty());
    assertTrue(GpuScheduling.trainingProfile("gpu", "local[2]", withGpus).isEmpty());
    assertTrue(GpuScheduling.trainingProfile("gpu", "local", withGpus).isEmpty());
  }

  @Test
  void taskOnlyProfileOnExecutorsThatHaveGpus() {
    ResourceProfile p = GpuScheduling.trainingProfile("gpu", "local-cluster[2,1,1024]",
        conf("spark.executor.resource.gpu.amount", "1", "spark.task.cpus", "4")).orElseThrow();
    TaskResourceRequest gpu = p.taskResources().get("gpu").get();
    assertEquals(1.0, gpu.amount());
    assertEquals(4.0, p.taskResources().get("cpus").get().amount());
    assertTrue(p.executorResources().isEmpty(), p.toString());
    String text = GpuScheduling.describe(p);
    assertTrue(text.contains("1.0 gpu") && text.contains("4.0 cpus") && text.endsWith("per task"), text);
  }

  @Test
  void executorsWithoutGpusAreAClearError() {
    ConfigError e = assertThrows(ConfigError.class,
        () -> GpuScheduling.trainingProfile("gpu", "yarn", conf("spark.task.cpus", "8")));
    assertTrue(e.getMessage().contains("spark.executor.resource.gpu.amount"), e.getMessage());
    assertTrue(e.getMessage().contains("on yarn"), e.getMessage());
  }

  @Test
  void dynamicAllocationAlsoAsksForGpuExecutors() {
    ResourceProfile p = GpuScheduling.trainingProfile("gpu", "yarn", conf("spark.dynamicAllocation.enabled", "true",
        "spark.executor.cores", "8", "spark.task.cpus", "8",
        "spark.executor.resource.gpu.discoveryScript", "/opt/smc/gpu-discovery.sh")).orElseThrow();
    ExecutorResourceRequest gpu = p.executorResources().get("gpu").get();
    assertEquals(1L, gpu.amount());
    assertEquals("/opt/smc/gpu-discovery.sh", gpu.discoveryScript());
    assertEquals(8L, p.executorResources().get("cores").get().amount());
    assertEquals(1.0, p.taskResources().get("gpu").get().amount());

    ConfigError e = assertThrows(ConfigError.class, () -> GpuScheduling.trainingProfile("gpu", "yarn",
        conf("spark.dynamicAllocation.enabled", "true")));
    assertTrue(e.getMessage().contains("discoveryScript"), e.getMessage());
  }
}
