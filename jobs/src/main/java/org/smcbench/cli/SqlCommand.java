package org.smcbench.cli;

import org.smcbench.config.Settings;
import org.smcbench.results.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run a Spark SQL query against the warehouse tables (smc.runs, smc.leaderboard, ...) and print the result.")
final class SqlCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  TablePrinter.Format format;

  @Option(names = "--limit", defaultValue = "1000", description = "Rows to print at most (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  int run(Settings settings, Warehouse warehouse) {
    TablePrinter.print(warehouse.spark().sql(query).limit(limit), format, out);
    return OK;
  }
}
