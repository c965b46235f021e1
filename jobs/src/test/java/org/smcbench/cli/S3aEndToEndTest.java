package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.model.ListObjectsV2Request;
import com.amazonaws.services.s3.model.ListObjectsV2Result;
import com.amazonaws.services.s3.model.S3ObjectSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest → sweep → aggregate → sql with the data root and the warehouse on {@code s3a://}, against
 * S3Proxy on 127.0.0.1. Every command is its own JVM, as a user runs them, so everything it prints
 * (log4j included) is captured. Credentials reach S3A the two ways a user gives them:
 * {@code spark.hadoop.fs.s3a.*} settings ({@code run} = ingest, sweep, aggregate; its resolved
 * configuration is stored in every run row) and the environment ({@code sql}: the default provider
 * chain). The secret must appear in no output, no stored configuration and no text object the
 * pipeline wrote.
 */
class S3aEndToEndTest {
  private static final String BUCKET = "smc-s3a-test";
  private static final String ACCESS = "smc-test-access";
  private static final String SECRET = "s3a-e2e-" + UUID.randomUUID();

  @TempDir
  Path dir;

  private final List<String> outputs = new ArrayList<>();

  @Test
  void pipelineRunsOnS3aWithoutLeakingTheSecret() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3proxy"), ACCESS, SECRET)) {
      AmazonS3 client = s3.client();
      client.createBucket(BUCKET);
      Path local = dir.resolve("fixture");
      FixtureFiles.csqa(local, 16, 4);
      try (Stream<Path> files = Files.walk(local)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          client.putObject(BUCKET, "data/" + local.relativize(f).toString().replace('\\', '/'), f.toFile());
        }
      }
      Files.writeString(dir.resolve("s3a.conf"), String.join("\n",
          "smc.data.root = \"s3a://" + BUCKET + "/data\"",
          "smc.warehouse.path = \"s3a://" + BUCKET + "/smc\"",
          "smc.warehouse.database = \"smc_s3a\"",
          "smc.models.minilm { layers = 1, max-seq-len = 16 }",
          "smc.training { steps = 2, warmup-steps = 1, batch-size = 4 }",
          "smc.sweep { methods = [dense, omp_after], sparsities = [0.5] }",
          // What a user sets for an S3-compatible server that is not AWS: no credentials here.
          "smc.spark.conf {",
          "  \"spark.hadoop.fs.s3a.endpoint\" = \"" + s3.endpoint() + "\"",
          "  \"spark.hadoop.fs.s3a.endpoint.region\" = \"us-east-1\"",
          "  \"spark.hadoop.fs.s3a.path.style.access\" = \"true\"",
          "  \"spark.hadoop.fs.s3a.connection.ssl.enabled\" = \"false\"",
          // Tiny tables: one task per shuffle and per Delta log replay (default 50) saves a fifth of the CPU.
          "  \"spark.sql.shuffle.partitions\" = \"1\"",
          "  \"spark.databricks.delta.snapshotPartitions\" = \"1\"",
          "}"));

      // ingest → pretrain (nothing to pre-train here) → sweep → aggregate in one JVM, credentials as
      // spark.hadoop.fs.s3a.* settings: every run row stores this resolved configuration.
      String run = run(false, "run",
          "--set", "spark.conf.\"spark.hadoop.fs.s3a.access.key\"=" + ACCESS,
          "--set", "spark.conf.\"spark.hadoop.fs.s3a.secret.key\"=" + SECRET);
      assertTrue(run.contains("ingest csqa         train        tokenizer=minilm   read=16 landed=16"), run);
      assertTrue(run.contains("sweep done: 2 succeeded, 0 failed"), run);
      // Read back over s3a by a new JVM whose credentials come from the environment only (one query:
      // every table read costs a Delta snapshot).
      String sql = run(true, "sql", "--format", "json", "SELECT r.method, r.status,"
          + " (SELECT count(*) FROM smc_s3a.qa_examples) AS qa_rows,"
          + " (SELECT count(*) FROM smc_s3a.leaderboard) AS leaderboard_rows, r.config"
          + " FROM smc_s3a.runs r ORDER BY r.method");
      List<String> rows = sql.lines().filter(l -> l.startsWith("{\"method\"")).toList();
      assertEquals(2, rows.size(), sql);
      String counts = "\"qa_rows\":20,\"leaderboard_rows\":2,";
      assertTrue(rows.get(0).startsWith("{\"method\":\"dense\",\"status\":\"succeeded\"," + counts), sql);
      assertTrue(rows.get(1).startsWith("{\"method\":\"omp_after\",\"status\":\"succeeded\"," + counts), sql);
      for (String row : rows) {
        // The stored configuration names the sweep's credential settings, with masked values only.
        assertTrue(row.contains("spark.hadoop.fs.s3a.secret.key\\\":\\\"***\\\""), row);
        assertTrue(row.contains(s3.endpoint()), row);
      }

      List<String> keys = keys(client, "smc/");
      for (String table : List.of("qa_examples", "runs", "layer_sparsity", "masks", "leaderboard", "matching_sparsity")) {
        assertTrue(keys.contains("smc/" + table + "/_delta_log/00000000000000000000.json"), table + " in " + keys);
      }
      assertTrue(keys.stream().anyMatch(k -> k.startsWith("smc/checkpoints/") && k.endsWith(".safetensors")),
          keys.toString());

      for (String output : outputs) {
        assertFalse(output.contains(SECRET), "the secret is in a command's output:\n" + output);
      }
      // Text objects the pipeline wrote (Delta logs, vocabularies, provenance): no secret either.
      for (String key : keys) {
        if (!key.endsWith(".parquet") && !key.endsWith(".safetensors")) {
          String text = new String(client.getObject(BUCKET, key).getObjectContent().readAllBytes(), StandardCharsets.UTF_8);
          assertFalse(text.contains(SECRET), "the secret is in s3a://" + BUCKET + "/" + key);
        }
      }
      // Nothing fell back to a local folder named after the URI (new File("s3a://...")).
      try (Stream<Path> work = Files.list(dir.resolve("work"))) {
        List<String> names = work.map(p -> p.getFileName().toString()).toList();
        assertFalse(names.contains("s3a:"), names.toString());
      }
    }
  }

  private static List<String> keys(AmazonS3 client, String prefix) {
    List<String> keys = new ArrayList<>();
    ListObjectsV2Request request = new ListObjectsV2Request().withBucketName(BUCKET).withPrefix(prefix);
    ListObjectsV2Result page;
    do {
      page = client.listObjectsV2(request);
      page.getObjectSummaries().stream().map(S3ObjectSummary::getKey).forEach(keys::add);
      request.setContinuationToken(page.getNextContinuationToken());
    } while (page.isTruncated());
    return keys;
  }

  /** One CLI command in its own JVM; its output (stdout and stderr) once it exited 0. */
  private String run(boolean credentialsInEnvironment, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx2g");
    // A short-lived JVM: C1 only and the serial collector halve its CPU time (measured: 85 instead of
    // 180 CPU seconds for `run`); the training itself is native PyTorch.
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    for (String opt : System.getProperty("smc.test.jvm.opens", "").split(" ")) {
      if (!opt.isBlank()) {
        cmd.add(opt);
      }
    }
    cmd.addAll(List.of("-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
        "org.smcbench.cli.Launcher"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--conf", dir.resolve("s3a.conf").toString()));
    Path work = Files.createDirectories(dir.resolve("work"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("DJL_OFFLINE", "true");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    // Never ask an instance-metadata endpoint, whatever the provider chain falls through to.
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    if (credentialsInEnvironment) {
      env.put("AWS_ACCESS_KEY_ID", ACCESS);
      env.put("AWS_SECRET_ACCESS_KEY", SECRET);
    }
    long started = System.nanoTime();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), args[0] + " did not finish");
    outputs.add(out);
    System.out.printf("s3a %s: exit %d in %.1f s (load average %.1f)%n", args[0], p.exitValue(),
        (System.nanoTime() - started) / 1e9, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    assertEquals(0, p.exitValue(), args[0] + " failed:\n" + out);
    return out;
  }
}
