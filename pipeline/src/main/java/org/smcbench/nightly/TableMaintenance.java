package org.smcbench.nightly;

import java.io.PrintStream;
import java.util.Collection;
import org.apache.spark.sql.SparkSession;
import org.smcbench.config.ConfigError;
import org.smcbench.results.Warehouse;

/**
 * The nightly's last step: OPTIMIZE (compaction of the small files a sweep's one-row appends and
 * MERGEs leave), then VACUUM with {@code smc.warehouse.vacuum-retention-hours}, on the tables the
 * nightly wrote. VACUUM ends time travel to versions whose files it deletes.
 */
public final class TableMaintenance {
  /** Delta's default {@code delta.deletedFileRetentionDuration}, below which VACUUM refuses without the flag. */
  public static final double DELTA_DEFAULT_RETENTION_HOURS = 168;
  public static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

  private TableMaintenance() {}

  /**
   * Fails (before any work) when Delta would refuse the retention: shorter than its default and
   * the retention check not disabled. A short retention is a decision, not a default: it ends time
   * travel and can break a reader still on older files.
   */
  public static void requireRetentionAllowed(SparkSession spark, double retentionHours) {
    boolean checked = !"false".equalsIgnoreCase(spark.conf().get(RETENTION_CHECK, "true"));
    if (retentionHours < DELTA_DEFAULT_RETENTION_HOURS && checked) {
      throw new ConfigError("smc.warehouse.vacuum-retention-hours = " + retentionHours + " is below Delta's default "
          + "retention of " + (int) DELTA_DEFAULT_RETENTION_HOURS + " h, and Delta's VACUUM refuses it while "
          + RETENTION_CHECK + " is true: set smc.spark.conf.\"" + RETENTION_CHECK + "\" = \"false\" (or the cluster's"
          + " Spark config) to accept that time travel then reaches back only " + retentionHours + " h, or raise the"
          + " retention");
    }
  }

  public static void run(Warehouse warehouse, Collection<String> tables, double retentionHours, PrintStream out) {
    requireRetentionAllowed(warehouse.spark(), retentionHours);
    for (String table : tables) {
      if (!warehouse.exists(table)) {
        continue;
      }
      warehouse.spark().sparkContext().setJobDescription("maintenance " + table);
      long started = System.nanoTime();
      long[] files = warehouse.optimize(table);
      try {
        warehouse.vacuum(table, retentionHours);
      } catch (IllegalArgumentException e) {
        // Delta's own check against the table's delta.deletedFileRetentionDuration, when it is longer.
        throw new IllegalStateException("VACUUM " + warehouse.qualified(table) + " RETAIN " + retentionHours
            + " HOURS refused by Delta: " + e.getMessage(), e);
      }
      out.printf("maintenance %s: OPTIMIZE %d files -> %d, VACUUM retain %s h (%.1f s)%n", warehouse.qualified(table),
          files[0], files[1], hours(retentionHours), (System.nanoTime() - started) / 1e9);
    }
  }

  static String hours(double h) {
    return h == Math.rint(h) ? String.valueOf((long) h) : String.valueOf(h);
  }
}
