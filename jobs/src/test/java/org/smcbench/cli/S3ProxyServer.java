package org.smcbench.cli;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An S3-compatible server on 127.0.0.1 for tests: S3Proxy's fat jar (copied to
 * {@code target/s3proxy/} by the build) in its own JVM with the in-memory {@code transient}
 * backend. It checks AWS v2/v4 signatures against one identity and credential.
 */
final class S3ProxyServer implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final String endpoint;
  private final String identity;
  private final String credential;

  private S3ProxyServer(Process process, Path log, String endpoint, String identity, String credential) {
    this.process = process;
    this.log = log;
    this.endpoint = endpoint;
    this.identity = identity;
    this.credential = credential;
  }

  static S3ProxyServer start(Path dir, String identity, String credential) throws Exception {
    Path jar = Path.of(System.getProperty("smc.s3proxy.jar", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("S3Proxy jar not found at " + jar
          + ": it is copied there by `mvn -pl jobs generate-test-resources` (execution copy-s3proxy)");
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port;
    Files.createDirectories(dir);
    Path properties = dir.resolve("s3proxy.properties");
    Files.write(properties, List.of(
        "s3proxy.endpoint=" + endpoint,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + identity,
        "s3proxy.credential=" + credential,
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused"), StandardCharsets.UTF_8);
    Path log = dir.resolve("s3proxy.log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-jar", jar.toString(), "--properties", properties.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("LOG_LEVEL", "warn");
    Process process = pb.start();
    S3ProxyServer server = new S3ProxyServer(process, log, endpoint, identity, credential);
    try {
      server.awaitReady(30);
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Ready as soon as {@code GET /} gets any HTTP status (403 unsigned). */
  private void awaitReady(int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(1000);
        c.getResponseCode();
        c.disconnect();
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("S3Proxy not answering on " + endpoint + " after " + seconds + " s:\n" + log());
        }
        Thread.sleep(100);
      }
    }
  }

  String endpoint() {
    return endpoint;
  }

  /** A path-style client of this server (S3A creates no buckets: tests make theirs with it). */
  AmazonS3 client() {
    return AmazonS3ClientBuilder.standard()
        .withEndpointConfiguration(new EndpointConfiguration(endpoint, "us-east-1"))
        .withPathStyleAccessEnabled(true)
        .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(identity, credential)))
        .build();
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
