package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nightlies and a compare through the CLI, in this JVM: the first (every stage in one command)
 * ingests and runs both configurations; the second, run as the three stage commands a cluster job
 * runs, ingests nothing and runs nothing, and its aggregate picks up a run re-scored in between;
 * compare prints that cell, and an unknown id is one line with exit code 2.
 */
class NightlyCommandTest {
  private static final String DB = "nightly_cli";

  @TempDir
  Path dir;

  @Test
  void secondNightlySkipsEverythingAndCompareShowsTheCellThatMoved() throws Exception {
    Path data = dir.resolve("data");
    FixtureFiles.csqa(data, 12, 8); // 8 dev questions: accuracies are multiples of 1/8
    Path conf = dir.resolve("test.conf");
    Files.writeString(conf, String.join("\n",
        "smc.data.root = \"" + data + "\"",
        "smc.warehouse.path = \"" + dir.resolve("wh") + "\"",
        "smc.warehouse.database = \"" + DB + "\"",
        "smc.models.minilm { layers = 1, max-seq-len = 24 }",
        "smc.training { steps = 2, warmup-steps = 1, batch-size = 4 }",
        "smc.sweep { methods = [dense, omp_after], sparsities = [0.5] }"));
    String c = conf.toString();

    CliRun first = CliRun.execute("nightly", "--id", "n1", "--conf", c);
    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(first.out().contains("nightly n1: succeeded, stages {ingest=succeeded, sweep=succeeded,"
        + " aggregate=succeeded}"), first.out());
    assertTrue(first.out().contains("  datasets ingested [csqa], unchanged []"), first.out());
    assertTrue(first.out().contains("  configurations: 2 planned, 2 ran, 0 skipped, 0 failed"), first.out());

    // Re-scored between the nightlies (1/16 is no accuracy over 8 questions): nothing to ingest or run,
    // but the second nightly's aggregate moves this one cell.
    CliRun rescore = CliRun.execute("sql", "--conf", c,
        "UPDATE " + DB + ".runs SET metric_value = 0.0625 WHERE method = 'omp_after'");
    assertEquals(0, rescore.code(), rescore.err());

    CliRun ingest = CliRun.execute("nightly", "--stage", "ingest", "--id", "n2", "--conf", c);
    assertEquals(0, ingest.code(), ingest.out() + ingest.err());
    assertTrue(ingest.out().contains("ingest csqa: unchanged since its last ingest, skipped"), ingest.out());
    assertTrue(ingest.out().contains("nightly n2: running, stages {ingest=succeeded}"), ingest.out());
    assertTrue(ingest.out().contains("  datasets ingested [], unchanged [csqa]"), ingest.out());
    CliRun sweep = CliRun.execute("nightly", "--stage", "sweep", "--id", "n2", "--conf", c, "--rerun-failed");
    assertEquals(0, sweep.code(), sweep.out() + sweep.err());
    assertTrue(sweep.out().contains("sweep: 2 configurations, 2 already recorded, 0 to run"), sweep.out());
    assertTrue(sweep.out().contains("nightly n2: running, stages {ingest=succeeded, sweep=succeeded}"), sweep.out());
    CliRun aggregate = CliRun.execute("nightly", "--stage", "aggregate", "--id", "n2", "--conf", c);
    assertEquals(0, aggregate.code(), aggregate.out() + aggregate.err());
    assertTrue(aggregate.out().contains("nightly n2: succeeded, stages {ingest=succeeded, sweep=succeeded,"
        + " aggregate=succeeded}"), aggregate.out());
    assertTrue(aggregate.out().contains("  configurations: 2 planned, 0 ran, 2 skipped, 0 failed"), aggregate.out());

    CliRun compare = CliRun.execute("compare", "--from", "n1", "--to", "n2", "--format", "csv", "--conf", c);
    assertEquals(0, compare.code(), compare.out() + compare.err());
    List<String> lines = compare.out().lines().toList();
    int header = lines.indexOf("change,dataset,model,method,target_sparsity,metric_name,metric_from,metric_to,"
        + "difference,matching_from,matching_to");
    assertTrue(header >= 0, compare.out());
    assertEquals(header + 2, lines.size(), "exactly one moved cell: " + compare.out());
    String[] moved = lines.get(header + 1).split(",");
    assertEquals(List.of("changed", "csqa", "minilm", "omp_after", "0.5", "accuracy"), List.of(moved).subList(0, 6));
    double before = Double.parseDouble(moved[6]);
    assertEquals(0, before * 8 % 1, 1e-9, "n1's accuracy is a count over 8 questions: " + before);
    assertEquals(0.0625, Double.parseDouble(moved[7]));
    assertEquals(0.0625 - before, Double.parseDouble(moved[8]), 1e-12);

    CliRun unknown = CliRun.execute("compare", "--from", "n1", "--to", "n9", "--conf", c);
    assertEquals(2, unknown.code(), unknown.out() + unknown.err());
    assertTrue(unknown.err().lines().anyMatch(("compare: unknown nightly 'n9' in " + DB + ".nightly_runs; the most"
        + " recent: [n2, n1]")::equals), unknown.err());

    // What the rows recorded: both nightlies succeeded with every stage, and the versions compare used.
    CliRun rows = CliRun.execute("sql", "--format", "csv", "--conf", c, "SELECT nightly_id, status,"
        + " array_join(datasets_ingested, ';') AS ingested, runs_ran, runs_skipped, runs_failed,"
        + " size(table_versions) AS tables, table_versions['leaderboard'] AS leaderboard,"
        + " table_versions['runs'] AS runs, stages['aggregate'] AS aggregate, finished_at IS NOT NULL AS finished"
        + " FROM " + DB + ".nightly_runs ORDER BY nightly_id");
    assertEquals(0, rows.code(), rows.err());
    List<String> csv = rows.out().lines().toList();
    int at = csv.indexOf("nightly_id,status,ingested,runs_ran,runs_skipped,runs_failed,tables,leaderboard,runs,"
        + "aggregate,finished");
    assertTrue(at >= 0, rows.out());
    assertEquals(at + 3, csv.size(), rows.out());
    String[] n1 = csv.get(at + 1).split(",", -1);
    String[] n2 = csv.get(at + 2).split(",", -1);
    assertEquals(List.of("n1", "succeeded", "csqa", "2", "0", "0"), List.of(n1).subList(0, 6));
    assertEquals(List.of("n2", "succeeded", "", "0", "2", "0"), List.of(n2).subList(0, 6));
    assertTrue(Integer.parseInt(n1[6]) >= 8, "n1 wrote the examples, runs, details and derived tables: " + n1[6]);
    assertTrue(Integer.parseInt(n2[6]) >= 4, "n2 wrote the derived tables: " + n2[6]);
    assertTrue(Long.parseLong(n2[7]) > Long.parseLong(n1[7]), csv.toString());
    assertEquals("null", n2[8], "n2 wrote no runs (the UPDATE between the nightlies is nobody's)");
    assertEquals(List.of("succeeded", "true"), List.of(n1).subList(9, 11));
    assertEquals(List.of("succeeded", "true"), List.of(n2).subList(9, 11));
    System.out.printf(java.util.Locale.ROOT, "NightlyCommandTest seconds: nightly %.1f, sql %.1f, stages %.1f + %.1f + %.1f,"
        + " compare %.1f, unknown id %.1f, sql %.1f%n", first.seconds(), rescore.seconds(), ingest.seconds(),
        sweep.seconds(), aggregate.seconds(), compare.seconds(), unknown.seconds(), rows.seconds());
  }
}
