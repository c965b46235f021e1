package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} prints the page and chart paths it wrote; without runs it fails with one clear line. */
class ReportCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesThePageAndPrintsWhatItWrote() throws Exception {
    Path conf = conf("report_cli");
    String leaderboard = dir.resolve("wh/leaderboard").toString();
    // A minimal leaderboard made through the CLI's own SQL: the columns the report reads.
    CliRun sql = CliRun.execute("sql", "--conf", conf.toString(),
        "CREATE TABLE report_cli.leaderboard USING DELTA LOCATION '" + leaderboard + "' AS SELECT * FROM VALUES "
        + "('mc', 'csqa', 'minilm', 'dense', 0.0D, 'accuracy', 0.70D,"
        + " CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), 0.70D),"
        + "('mc', 'csqa', 'minilm', 'gmp', 0.5D, 'accuracy', 0.6125D, 0.58D, 0.64D, 0.70D) AS t(task, dataset, model,"
        + " method, target_sparsity, metric_name, metric_mean, ci95_low, ci95_high, dense_mean)");
    assertEquals(0, sql.code(), sql.err());

    CliRun report = CliRun.execute("report", "--conf", conf.toString(), "--out", dir.resolve("site").toString());

    assertEquals(0, report.code(), report.err());
    Path page = dir.resolve("site/index.html").toAbsolutePath();
    Path chart = dir.resolve("site/charts/metric-csqa-minilm.png").toAbsolutePath();
    assertEquals("report: " + page + "\nchart:  " + chart + "\n", report.out());
    assertTrue(Files.size(chart) > 0);
    assertTrue(Files.readString(page).contains("<td class=\"num\">0.6125</td>"));
  }

  @Test
  void noRunsIsOneClearError() throws Exception {
    CliRun report = CliRun.execute("report", "--conf", conf("report_cli_empty").toString(),
        "--out", dir.resolve("site").toString());

    assertEquals(1, report.code());
    assertTrue(report.err().contains("no runs: table report_cli_empty.runs does not exist: run `smc-bench sweep` first"),
        report.err());
  }

  private Path conf(String database) throws Exception {
    Path conf = dir.resolve(database + ".conf");
    Files.writeString(conf, "smc.warehouse.path = \"" + dir.resolve("wh") + "\"\n"
        + "smc.warehouse.database = \"" + database + "\"\n");
    return conf;
  }
}
