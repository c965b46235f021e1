package org.smcbench.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.smcbench.config.ConfigError;
import org.smcbench.config.Settings;
import org.smcbench.results.Warehouse;
import org.smcbench.spark.SessionHandle;
import picocli.CommandLine.Mixin;

/**
 * Shape of every command: load and validate the configuration (exit 2 on a bad one, before any
 * Spark work), open the session, register the warehouse tables, do one thing.
 */
abstract class BaseCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int RUNS_FAILED = 1;
  static final int BAD_CONFIG = 2;

  @Mixin
  ConfigOptions config;

  final PrintStream out = System.out;

  @Override
  public final Integer call() {
    Settings settings;
    try {
      settings = config.load();
      validate(settings);
    } catch (ConfigError e) {
      System.err.println("configuration error: " + e.getMessage());
      return BAD_CONFIG;
    }
    try (SessionHandle session = SessionHandle.open(settings)) {
      Warehouse warehouse = new Warehouse(session.spark(), settings.warehouse().path(), settings.warehouse().database());
      warehouse.registerAll();
      return run(settings, warehouse);
    } catch (ConfigError e) {
      System.err.println("configuration error: " + e.getMessage());
      return BAD_CONFIG;
    }
  }

  /** Checks that need no Spark (e.g. that the data root exists); throws {@link ConfigError}. */
  void validate(Settings settings) {}

  abstract int run(Settings settings, Warehouse warehouse);
}
