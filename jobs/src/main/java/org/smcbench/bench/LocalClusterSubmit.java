package org.smcbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * {@code spark-submit} of the shaded jar against {@code local-cluster[n,cores,mem]}: a standalone
 * master and n workers inside the driver JVM, and n separate executor JVMs, without a Spark
 * distribution. {@code org.apache.spark.deploy.SparkSubmit} is spark-submit's own entry point; it
 * runs from the jar, and executors get the driver's class path, so the jar is the whole
 * deployment. Spark only starts local-cluster executors from Maven jars in its testing mode
 * ({@code SPARK_TESTING}, {@code spark.test.home}, {@code SPARK_SCALA_VERSION}); local-cluster is
 * Spark's test master, a real cluster takes the same submit line with another {@code --master}.
 */
public final class LocalClusterSubmit {
  /** One line of the child's output and when it arrived (ns since the launch). */
  public record Line(long nanos, String text) {}

  /** The child's exit code, its output lines with their arrival times, and its wall time. */
  public record Result(int exitCode, List<Line> lines, double seconds) {
    public String output() {
      StringBuilder text = new StringBuilder();
      lines.forEach(l -> text.append(l.text()).append('\n'));
      return text.toString();
    }

    /** Seconds from the first line starting with {@code from} to the first later line starting with {@code to}. */
    public double secondsBetween(String from, String to) {
      Long start = null;
      for (Line l : lines) {
        if (start == null && l.text().startsWith(from)) {
          start = l.nanos();
        } else if (start != null && l.text().startsWith(to)) {
          return (l.nanos() - start) / 1e9;
        }
      }
      throw new IllegalStateException("no line starting with '" + from + "' followed by one starting with '" + to
          + "' in the output:\n" + output());
    }
  }

  private final Path jar;
  private final Path work;
  private final int executors;
  private final int coresPerExecutor;
  private final int executorMemoryMb;
  private final Map<String, String> sparkConf = new LinkedHashMap<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();

  public LocalClusterSubmit(Path jar, Path work, int executors, int coresPerExecutor, int executorMemoryMb) {
    this.jar = jar;
    this.work = work;
    this.executors = executors;
    this.coresPerExecutor = coresPerExecutor;
    this.executorMemoryMb = executorMemoryMb;
    // One training per executor core; executors stay offline and on loopback like the driver.
    conf("spark.task.cpus", "1");
    conf("spark.executorEnv.DJL_OFFLINE", "true");
    conf("spark.executorEnv.SPARK_LOCAL_IP", "127.0.0.1");
    systemProperty("ai.djl.offline", "true");
  }

  public LocalClusterSubmit conf(String key, String value) {
    sparkConf.put(key, value);
    return this;
  }

  /** A system property of the driver and the executors (e.g. {@code smcbench.models.dir}); no spaces in the value. */
  public LocalClusterSubmit systemProperty(String key, String value) {
    systemProperties.put(key, value);
    return this;
  }

  public String master() {
    return "local-cluster[" + executors + "," + coresPerExecutor + "," + executorMemoryMb + "]";
  }

  /** The child's command line: java … SparkSubmit --master local-cluster[…] --class SmcBench jar args. */
  public List<String> command(List<String> smcBenchArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx2g");
    cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptions().split(" ")));
    List<String> properties = systemProperties.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    cmd.addAll(properties);
    cmd.addAll(List.of("-Dspark.testing=true", "-Dspark.test.home=" + work, "-Dlog4j2.configurationFile=log4j2-smc.properties"));
    cmd.addAll(List.of("-cp", jar.toString(), "org.apache.spark.deploy.SparkSubmit", "--master", master()));
    sparkConf.forEach((k, v) -> cmd.addAll(List.of("--conf", k + "=" + v)));
    cmd.addAll(List.of("--conf", "spark.executor.extraJavaOptions=" + String.join(" ", properties) + " -XX:+UseSerialGC"));
    cmd.addAll(List.of("--class", "org.smcbench.cli.SmcBench", jar.toString()));
    cmd.addAll(smcBenchArgs);
    return cmd;
  }

  /** Runs the command to its end (or kills it after {@code timeoutMinutes}), echoing lines to {@code echo}. */
  public Result run(List<String> smcBenchArgs, int timeoutMinutes, Consumer<String> echo) {
    try {
      Files.createDirectories(work);
      ProcessBuilder pb = new ProcessBuilder(command(smcBenchArgs)).directory(work.toFile()).redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.put("SPARK_HOME", work.toString());
      env.put("SPARK_SCALA_VERSION", "2.12");
      env.put("SPARK_TESTING", "1");
      env.put("DJL_OFFLINE", "true");
      env.put("SPARK_LOCAL_IP", "127.0.0.1");
      long started = System.nanoTime();
      Process p = pb.start();
      List<Line> lines = new ArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            synchronized (lines) {
              lines.add(new Line(System.nanoTime() - started, line));
            }
            echo.accept(line);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "local-cluster-output");
      reader.start();
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException("spark-submit on " + master() + " did not finish in " + timeoutMinutes + " min");
      }
      reader.join(TimeUnit.SECONDS.toMillis(30));
      synchronized (lines) {
        return new Result(p.exitValue(), List.copyOf(lines), (System.nanoTime() - started) / 1e9);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for spark-submit", e);
    }
  }
}
