package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import org.smcbench.nightly.NightlyStage;
import org.smcbench.sweep.SweepPlanner;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The Databricks bundle and the EMR steps cannot drift from the code: every task's main class is
 * the CLI's, its parameters parse with the CLI's own parser (a dry run: nothing executes), the
 * configuration file it names loads and expands, and the tasks run the stages ingest → sweep →
 * aggregate of one nightly (the same --id in every task).
 */
class DeploymentFilesTest {
  private static final Path ROOT = Path.of(System.getProperty("smc.project.root", ".."));

  /**
   * Parses {@code args} as the CLI would, loads the --conf file it names (from conf/), and returns
   * the command name with its --stage and --id.
   */
  private static String dryRun(List<String> args) {
    CommandLine.ParseResult parsed = SmcBench.commandLine().parseArgs(args.toArray(new String[0]));
    CommandLine.ParseResult command = parsed.subcommand();
    assertNotNull(command, "no command in " + args);
    File conf = command.matchedOptionValue("--conf", null);
    assertNotNull(conf, "a deployed task must name its configuration: " + args);
    Settings settings = ConfigLoader.load(ROOT.resolve("conf").resolve(conf.getName()).toFile(), List.of(), Map.of());
    NightlyStage stage = command.matchedOptionValue("--stage", NightlyStage.ALL);
    if (stage == NightlyStage.SWEEP || stage == NightlyStage.ALL) {
      assertTrue(SweepPlanner.expand(settings).size() > 0);
    }
    return command.commandSpec().name() + " " + stage.key() + " " + command.matchedOptionValue("--id", null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void databricksBundleTasksParseAndChain() throws Exception {
    Map<String, Object> bundle = new Yaml().load(Files.readString(ROOT.resolve("databricks.yml")));
    Map<String, Object> jobs = (Map<String, Object>) ((Map<String, Object>) bundle.get("resources")).get("jobs");
    Map<String, Object> nightly = (Map<String, Object>) jobs.get("smc_bench_nightly");
    Map<String, Object> schedule = (Map<String, Object>) nightly.get("schedule");
    assertEquals("0 0 2 * * ?", schedule.get("quartz_cron_expression"));
    List<Map<String, Object>> clusters = (List<Map<String, Object>>) nightly.get("job_clusters");
    Map<String, Object> cluster = (Map<String, Object>) clusters.get(0).get("new_cluster");
    assertTrue(String.valueOf(cluster.get("spark_version")).contains("gpu"), "a GPU runtime");
    Map<String, Object> sparkConf = (Map<String, Object>) cluster.get("spark_conf");
    assertEquals("1", sparkConf.get("spark.task.resource.gpu.amount"));

    List<String> commands = new ArrayList<>();
    String previous = null;
    for (Map<String, Object> task : (List<Map<String, Object>>) nightly.get("tasks")) {
      Map<String, Object> jar = (Map<String, Object>) task.get("spark_jar_task");
      assertEquals(SmcBench.class.getName(), jar.get("main_class_name"));
      List<String> parameters = ((List<Object>) jar.get("parameters")).stream().map(String::valueOf).toList();
      commands.add(dryRun(parameters));
      List<Map<String, Object>> deps = (List<Map<String, Object>>) task.get("depends_on");
      if (previous == null) {
        assertEquals(null, deps);
      } else {
        assertEquals(previous, deps.get(0).get("task_key"));
      }
      previous = (String) task.get("task_key");
      List<Map<String, Object>> libraries = (List<Map<String, Object>>) task.get("libraries");
      assertEquals("./jobs/target/smc-bench.jar", libraries.get(0).get("jar"));
    }
    String id = "{{job.run_id}}";
    assertEquals(List.of("nightly ingest " + id, "nightly sweep " + id, "nightly aggregate " + id), commands);
  }

  @Test
  void emrStepsParseAndChain() throws Exception {
    JsonArray steps = JsonParser.parseString(Files.readString(ROOT.resolve("deploy/emr/steps.json"))).getAsJsonArray();
    List<String> commands = new ArrayList<>();
    for (JsonElement step : steps) {
      List<String> args = new ArrayList<>();
      step.getAsJsonObject().getAsJsonObject("HadoopJarStep").getAsJsonArray("Args")
          .forEach(a -> args.add(a.getAsString()));
      assertEquals("spark-submit", args.get(0));
      assertEquals(SmcBench.class.getName(), args.get(args.indexOf("--class") + 1));
      int jar = -1;
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).endsWith("smc-bench.jar")) {
          jar = i;
        }
      }
      assertTrue(jar > 0, "the step names the shaded jar: " + args);
      // --files ships the configuration to the driver's working directory under its own name
      String shipped = args.get(args.indexOf("--files") + 1);
      List<String> cli = args.subList(jar + 1, args.size());
      assertEquals(Path.of(shipped).getFileName().toString(), cli.get(cli.indexOf("--conf") + 1));
      commands.add(dryRun(cli));
    }
    assertEquals(List.of("nightly ingest NIGHTLY-ID", "nightly sweep NIGHTLY-ID", "nightly aggregate NIGHTLY-ID"),
        commands);
  }
}
