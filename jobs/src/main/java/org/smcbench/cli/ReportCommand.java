package org.smcbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.smcbench.config.Settings;
import org.smcbench.report.ReportJob;
import org.smcbench.results.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a static HTML report (index.html + charts/*.png) from smc.leaderboard and the other "
        + "derived tables; it opens from disk.")
final class ReportCommand extends BaseCommand {
  @Option(names = "--out", defaultValue = "report", paramLabel = "DIR",
      description = "Folder for index.html and charts/ (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Override
  int run(Settings settings, Warehouse warehouse) {
    ReportJob.Report report;
    try {
      report = ReportJob.run(warehouse, outDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("report: " + report.page());
    report.charts().forEach(chart -> out.println("chart:  " + chart));
    out.flush();
    return OK;
  }
}
