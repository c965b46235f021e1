package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.bench.LocalClusterSubmit;
import org.smcbench.bench.RunTimeline;
import org.smcbench.results.Warehouse;

/**
 * The shaded jar through spark-submit on {@code local-cluster[2,1,…]}: two executor JVMs, each with
 * one (fake) GPU its worker discovered with a script, as a GPU cluster's workers do. The sweep's
 * training stage requests a GPU per task with a stage-level resource profile; every task must see
 * the address Spark assigned it and fall back to CPU (this engine has no CUDA), which its result
 * records ({@code device}), and the configurations must spread over both executors with every
 * result recorded once. (The executors' own log, which says the same, lives in worker folders
 * local-cluster deletes when it stops.)
 */
class LocalClusterIT {
  @TempDir
  Path dir;

  @Test
  void sweepSpreadsOverTwoExecutorsEachOnItsAssignedGpu() throws Exception {
    Path jar = Path.of(System.getProperty("smc.jar", "target/smc-bench.jar")).toAbsolutePath();
    assumeTrue(Files.isRegularFile(jar), "no shaded jar at " + jar);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      // Under -Pcluster Spark is provided: the jar cannot launch itself.
      assumeTrue(zip.getEntry("org/apache/spark/deploy/SparkSubmit.class") != null, "Spark is not in " + jar);
    }
    Path data = dir.resolve("data");
    FixtureFiles.csqa(data, 16, 4);
    Path warehouse = dir.resolve("wh");
    Path conf = dir.resolve("cluster-test.conf");
    Files.writeString(conf, String.join("\n",
        "smc.data.root = \"" + data + "\"",
        "smc.warehouse.path = \"" + warehouse + "\"",
        "smc.compute.device = gpu",
        "smc.models.minilm { layers = 1, max-seq-len = 16 }",
        "smc.training { steps = 2, warmup-steps = 1, batch-size = 4 }",
        "smc.sweep { datasets = [csqa], models = [minilm], methods = [dense, omp_after], sparsities = [0.5], seeds = [1, 2] }",
        "smc.spark.conf { \"spark.sql.shuffle.partitions\" = \"2\" }"));
    Path script = dir.resolve("fake-gpus.sh");
    // Hands each worker the next unclaimed address (mkdir is atomic), in the format Spark's
    // discovery scripts print (conf/gpu-discovery.sh asks nvidia-smi instead).
    Files.writeString(script, String.join("\n", "#!/usr/bin/env bash",
        "claimed=\"$(dirname \"$0\")/claimed\"; mkdir -p \"$claimed\"",
        "for i in 0 1 2 3; do",
        "  if mkdir \"$claimed/$i\" 2>/dev/null; then echo \"{\\\"name\\\": \\\"gpu\\\", \\\"addresses\\\": [\\\"$i\\\"]}\"; exit 0; fi",
        "done",
        "exit 1", ""));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    LocalClusterSubmit submit = new LocalClusterSubmit(jar, dir.resolve("work"), 2, 1, 1536)
        .systemProperty("smcbench.models.dir", jar.getParent().resolve("models").toString())
        .conf("spark.worker.resource.gpu.amount", "1")
        .conf("spark.worker.resource.gpu.discoveryScript", script.toString())
        .conf("spark.executor.resource.gpu.amount", "1");
    // Ingest here (local mode: the same Delta tables, in a quarter of the time on 2 cores); the
    // sweep is what needs the cluster.
    assertEquals(0, SmcBench.execute("ingest", "--conf", conf.toString()));
    LocalClusterSubmit.Result result = submit.run(List.of("sweep", "--conf", conf.toString()), 10, System.out::println);
    String out = result.output();
    System.out.printf("local-cluster sweep: exit %d in %.1f s%n", result.exitCode(), result.seconds());
    assertEquals(0, result.exitCode(), out);
    assertTrue(out.contains("sweep: each training task requests 1.0 cpus and 1.0 gpu per task"), out);
    assertTrue(out.contains("sweep done: 4 succeeded, 0 failed"), out);

    SparkSession spark = SparkSession.builder().master("local[1]").appName("local-cluster-it")
        .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog").getOrCreate();
    try {
      List<Row> runs = spark.read().format("delta").load(warehouse.resolve("runs").toString())
          .select("run_key", "status", "executor_id", "device").collectAsList();
      assertEquals(4, runs.size(), runs.toString());
      assertEquals(4, runs.stream().map(r -> r.getString(0)).distinct().count(), "every result lands once: " + runs);
      Map<String, String> gpuOfExecutor = new HashMap<>();
      Set<String> executors = new TreeSet<>();
      for (Row r : runs) {
        assertEquals("succeeded", r.getString(1), r.toString());
        String executor = r.getString(2);
        String device = r.getString(3);
        assertTrue(!executor.equals("driver"), "ran on the driver: " + r);
        assertTrue(device.matches("cpu \\(assigned gpu [01], no CUDA\\)"), device);
        executors.add(executor);
        String previous = gpuOfExecutor.put(executor, device);
        assertTrue(previous == null || previous.equals(device), "executor " + executor + " saw two GPUs: " + runs);
      }
      assertEquals(2, executors.size(), "configurations on both executors: " + runs);
      assertEquals(2, Set.copyOf(gpuOfExecutor.values()).size(), "each executor its own GPU: " + gpuOfExecutor);
      // One core and one GPU per executor: its runs follow one another, never overlap.
      List<RunTimeline.Span> spans = RunTimeline.read(new Warehouse(spark, warehouse.toString(), "smc"));
      assertEquals(4, spans.size(), spans.toString());
      assertEquals(1, RunTimeline.maxConcurrentPerExecutor(spans), spans.toString());
    } finally {
      spark.stop();
    }
  }
}
