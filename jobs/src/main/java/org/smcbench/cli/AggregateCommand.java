package org.smcbench.cli;

import org.smcbench.config.Settings;
import org.smcbench.results.AggregateJob;
import org.smcbench.results.Warehouse;
import picocli.CommandLine.Command;

@Command(name = "aggregate", mixinStandardHelpOptions = true,
    description = "Write smc.leaderboard from smc.runs and print it.")
final class AggregateCommand extends BaseCommand {
  @Override
  int run(Settings settings, Warehouse warehouse) {
    TablePrinter.print(AggregateJob.run(warehouse, settings.matchingTolerance()), TablePrinter.Format.TABLE, out);
    return OK;
  }
}
