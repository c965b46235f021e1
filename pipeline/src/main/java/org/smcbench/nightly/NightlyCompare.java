package org.smcbench.nightly;

import java.util.List;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * {@code compare --from A --to B}: the leaderboard versions nightlies A and B recorded, read with
 * Delta time travel, diffed cell by cell. A version VACUUM (or Delta's log clean-up) has removed
 * is an error saying so.
 */
public final class NightlyCompare {
  /** The two nightlies, the leaderboard versions read and the moved cells. */
  public record Result(String fromId, long fromVersion, String toId, long toVersion,
      List<LeaderboardDiff.Change> changes) {}

  private NightlyCompare() {}

  public static Result run(Warehouse warehouse, String fromId, String toId, double epsilon, double retentionHours) {
    NightlyRuns nightlies = new NightlyRuns(warehouse);
    List<NightlyRuns.Nightly> all = nightlies.all();
    NightlyRuns.Nightly from = nightlies.find(all, fromId);
    NightlyRuns.Nightly to = nightlies.find(all, toId);
    long fromVersion = leaderboardVersion(warehouse, from);
    long toVersion = leaderboardVersion(warehouse, to);
    List<LeaderboardDiff.Cell> before = read(warehouse, from, fromVersion, retentionHours);
    List<LeaderboardDiff.Cell> after = read(warehouse, to, toVersion, retentionHours);
    return new Result(fromId, fromVersion, toId, toVersion, LeaderboardDiff.diff(before, after, epsilon));
  }

  private static long leaderboardVersion(Warehouse warehouse, NightlyRuns.Nightly n) {
    Long v = n.leaderboardVersion();
    if (v == null) {
      throw new IllegalArgumentException("nightly '" + n.nightlyId() + "' (status " + n.status()
          + (n.error() == null ? "" : ": " + n.error()) + ") recorded no version of "
          + warehouse.qualified(Tables.LEADERBOARD) + ": it did not reach aggregate");
    }
    return v;
  }

  private static List<LeaderboardDiff.Cell> read(Warehouse warehouse, NightlyRuns.Nightly n, long version,
      double retentionHours) {
    String what = warehouse.qualified(Tables.LEADERBOARD) + " VERSION AS OF " + version + " (nightly '" + n.nightlyId()
        + "')";
    try {
      return LeaderboardDiff.cells(warehouse.readVersion(Tables.LEADERBOARD, version));
    } catch (Exception e) { // SparkException and AnalysisException are checked in Java's terms, undeclared
      if (isMissingFile(e)) {
        throw new IllegalStateException(what + " can no longer be read: VACUUM has deleted its data files"
            + " (the nightly's VACUUM keeps the files of the last smc.warehouse.vacuum-retention-hours = "
            + TableMaintenance.hours(retentionHours) + " h; a later overwrite made them history)", e);
      }
      if (String.valueOf(e.getMessage()).contains("Cannot time travel")) {
        throw new IllegalStateException(what + " is no longer in the Delta log (log entries older than the table's"
            + " delta.logRetentionDuration, 30 days by default, are cleaned up): " + e.getMessage(), e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException("reading " + what + " failed: " + e, e);
    }
  }

  /** Whether a read failed because a data file is gone (Spark wraps the FileNotFoundException). */
  static boolean isMissingFile(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.FileNotFoundException
          || String.valueOf(t.getMessage()).contains("does not exist")
          || String.valueOf(t.getMessage()).contains("FileNotFound")) {
        return true;
      }
    }
    return false;
  }
}
