package org.smcbench.cli;

import org.smcbench.config.ConfigError;
import org.smcbench.config.Settings;
import org.smcbench.nightly.LeaderboardDiff;
import org.smcbench.nightly.NightlyCompare;
import org.smcbench.results.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Which leaderboard cells moved between two nightlies: added, removed, or changed (metric mean by more"
        + " than --epsilon, or the matching-dense verdict), read with Delta time travel at the leaderboard version each"
        + " nightly recorded in smc.nightly_runs.")
final class CompareCommand extends BaseCommand {
  @Option(names = "--from", required = true, paramLabel = "ID", description = "The earlier nightly's id.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ID", description = "The later nightly's id.")
  String to;

  @Option(names = "--epsilon", defaultValue = "1e-9",
      description = "A metric mean that moved by at most this much is unchanged (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  TablePrinter.Format format;

  @Override
  void validate(Settings settings) {
    if (!(epsilon >= 0)) {
      throw new ConfigError("compare --epsilon = " + epsilon + " must be >= 0");
    }
  }

  @Override
  int run(Settings settings, Warehouse warehouse) {
    NightlyCompare.Result result;
    try {
      result = NightlyCompare.run(warehouse, from, to, epsilon, settings.warehouse().vacuumRetentionHours());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // An unknown id, a nightly without a leaderboard version, a version VACUUM removed: one line naming it.
      System.err.println("compare: " + e.getMessage());
      return BAD_CONFIG;
    }
    if (format == TablePrinter.Format.TABLE) {
      out.printf("compare %s (leaderboard version %d) -> %s (leaderboard version %d): %d cells moved%n",
          result.fromId(), result.fromVersion(), result.toId(), result.toVersion(), result.changes().size());
    }
    TablePrinter.print(warehouse.spark().createDataFrame(LeaderboardDiff.rows(result.changes()), LeaderboardDiff.SCHEMA),
        format, out);
    return OK;
  }
}
