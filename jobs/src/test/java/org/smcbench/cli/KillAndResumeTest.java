package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the driver in the middle of a sweep, then the same command again: finished
 * configurations are not re-run, the rest run, and every configuration has exactly one row.
 */
class KillAndResumeTest {
  @TempDir
  Path dir;

  private List<String> command(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx3g");
    for (String opt : System.getProperty("smc.test.jvm.opens", "").split(" ")) {
      if (!opt.isBlank()) {
        cmd.add(opt);
      }
    }
    cmd.addAll(List.of("-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
        "org.smcbench.cli.Launcher"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--conf", dir.resolve("test.conf").toString()));
    return cmd;
  }

  private Process start(String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true);
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private static String finish(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES));
    return out;
  }

  @Test
  void killedSweepResumesWithoutLosingOrDuplicatingRuns() throws Exception {
    Path data = dir.resolve("data");
    FixtureFiles.csqa(data, 24, 6);
    Files.writeString(dir.resolve("test.conf"), String.join("\n",
        "smc.data.root = \"" + data + "\"",
        "smc.warehouse.path = \"" + dir.resolve("wh") + "\"",
        "smc.models.minilm { layers = 1, max-seq-len = 24 }",
        "smc.training { steps = 6, warmup-steps = 1, batch-size = 4 }",
        "smc.sweep { methods = [dense, omp_after, random_after], sparsities = [0.36, 0.5904] }"));

    Process first = start("run");
    List<String> seen = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        seen.add(line);
        if (line.startsWith("[2/5]")) {
          break;
        }
      }
      first.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean-up
      assertTrue(first.waitFor(1, TimeUnit.MINUTES));
    }
    assertTrue(seen.stream().anyMatch(l -> l.startsWith("[2/5]")), String.join("\n", seen));

    String second = finish(start("sweep"));
    assertTrue(second.contains("5 configurations, 2 already recorded, 3 to run"), second);
    assertTrue(second.contains("sweep done: 3 succeeded, 0 failed"), second);

    String counts = finish(start("sql", "--format", "csv",
        "select count(*) as n, count(distinct run_key) as keys, sum(if(status = 'succeeded', 1, 0)) as ok from smc.runs"));
    List<String> rows = counts.lines().toList();
    int header = rows.indexOf("n,keys,ok");
    assertTrue(header >= 0, counts);
    // Five configurations, five distinct keys, all succeeded (log lines may interleave on stderr).
    assertTrue(rows.subList(header + 1, rows.size()).contains("5,5,5"), counts);
  }
}
