package org.smcbench.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigError;
import org.smcbench.nightly.LeaderboardDiff.Cell;
import org.smcbench.nightly.LeaderboardDiff.Change;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.SparkTestSession;

/** The leaderboard diff, smc.nightly_runs and compare's time travel on small Delta tables written here. */
class NightlyCompareTest {
  @TempDir
  Path dir;

  private static Cell cell(String method, double s, Double mean, Boolean matching) {
    return new Cell("csqa", "minilm", method, s, "accuracy", mean, matching);
  }

  @Test
  void diffReportsAddedRemovedAndChangedCellsBeyondEpsilon() {
    List<Cell> from = List.of(cell("dense", 0, 0.30, true), cell("omp_after", 0.5, 0.28, true),
        cell("snip", 0.5, 0.20, false), cell("gmp", 0.5, 0.25, false));
    List<Cell> to = List.of(cell("dense", 0, 0.30 + 1e-9, true), cell("omp_after", 0.5, 0.22, false),
        cell("gmp", 0.5, 0.25, true), cell("rigl", 0.5, 0.21, false));

    List<Change> changes = LeaderboardDiff.diff(from, to, 1e-6);

    assertEquals(List.of(
        new Change("changed", "csqa", "minilm", "gmp", 0.5, "accuracy", 0.25, 0.25, 0.0, false, true),
        new Change("changed", "csqa", "minilm", "omp_after", 0.5, "accuracy", 0.28, 0.22, 0.22 - 0.28, true, false),
        new Change("added", "csqa", "minilm", "rigl", 0.5, "accuracy", null, 0.21, null, null, false),
        new Change("removed", "csqa", "minilm", "snip", 0.5, "accuracy", 0.20, null, null, false, null)), changes);
    // The same cell at another sparsity is another cell; a mean appearing is a move.
    assertEquals(List.of("removed", "added"), LeaderboardDiff.diff(List.of(cell("snip", 0.5, 0.2, false)),
        List.of(cell("snip", 0.75, 0.2, false)), 1e-6).stream().map(Change::change).toList());
    assertEquals(1, LeaderboardDiff.diff(List.of(cell("snip", 0.5, null, null)),
        List.of(cell("snip", 0.5, 0.2, null)), 1e-6).size());
    assertEquals(List.of(), LeaderboardDiff.diff(from, from, 0));
  }

  @Test
  void compareTimeTravelsToEachNightlysVersionAndSaysWhenVacuumRemovedIt() throws Exception {
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "nightly_compare");
    NightlyRuns nightlies = new NightlyRuns(warehouse);
    warehouse.overwrite(Tables.LEADERBOARD, board(warehouse, 0.28, true));
    long a = warehouse.version(Tables.LEADERBOARD);
    nightlies.record(nightly("n1", NightlyRuns.RUNNING, Map.of()));
    nightlies.record(nightly("n1", NightlyRuns.SUCCEEDED, Map.of(Tables.LEADERBOARD, a, Tables.RUNS, 4L)));
    warehouse.overwrite(Tables.LEADERBOARD, board(warehouse, 0.2125, false));
    long b = warehouse.version(Tables.LEADERBOARD);
    nightlies.record(nightly("n2", NightlyRuns.SUCCEEDED, Map.of(Tables.LEADERBOARD, b)));
    nightlies.record(nightly("n3", NightlyRuns.FAILED, Map.of()));

    // Re-recording an id replaces its row (MERGE on nightly_id).
    assertEquals(3, warehouse.read(Tables.NIGHTLY_RUNS).count());
    List<NightlyRuns.Nightly> all = nightlies.all();
    assertEquals(List.of("n1", "n2", "n3"), all.stream().map(NightlyRuns.Nightly::nightlyId).toList());
    NightlyRuns.Nightly n1 = all.get(0);
    assertEquals(NightlyRuns.SUCCEEDED, n1.status());
    assertEquals(Map.of(Tables.LEADERBOARD, a, Tables.RUNS, 4L), n1.tableVersions());
    assertEquals(List.of("csqa"), n1.datasetsIngested());
    assertEquals(2L, n1.finishedAtMillis());

    NightlyCompare.Result moved = NightlyCompare.run(warehouse, "n1", "n2", 1e-6, 168);
    assertEquals(a, moved.fromVersion());
    assertEquals(b, moved.toVersion());
    assertEquals(List.of(new Change("changed", "csqa", "minilm", "omp_after", 0.5, "accuracy", 0.28, 0.2125,
        0.2125 - 0.28, true, false)), moved.changes());

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> NightlyCompare.run(warehouse, "n1", "n9", 1e-6, 168));
    assertEquals("unknown nightly 'n9' in nightly_compare.nightly_runs; the most recent: [n3, n2, n1]",
        unknown.getMessage());
    IllegalArgumentException noBoard = assertThrows(IllegalArgumentException.class,
        () -> NightlyCompare.run(warehouse, "n1", "n3", 1e-6, 168));
    assertTrue(noBoard.getMessage().startsWith("nightly 'n3' (status failed: boom) recorded no version of"
        + " nightly_compare.leaderboard"), noBoard.getMessage());

    // A retention below Delta's 168 h is refused up front while Delta's check is on ...
    var spark = warehouse.spark();
    ConfigError refused = assertThrows(ConfigError.class,
        () -> TableMaintenance.run(warehouse, List.of(Tables.LEADERBOARD), 0, System.out));
    assertTrue(refused.getMessage().startsWith("smc.warehouse.vacuum-retention-hours = 0.0 is below Delta's default"
        + " retention of 168 h"), refused.getMessage());
    assertTrue(refused.getMessage().contains(TableMaintenance.RETENTION_CHECK), refused.getMessage());
    // ... and with it off, VACUUM deletes n1's files: compare says so instead of failing on a file.
    spark.conf().set(TableMaintenance.RETENTION_CHECK, "false");
    try {
      TableMaintenance.requireRetentionAllowed(spark, 0);
      warehouse.vacuum(Tables.LEADERBOARD, 0);
    } finally {
      spark.conf().unset(TableMaintenance.RETENTION_CHECK);
    }
    IllegalStateException gone = assertThrows(IllegalStateException.class,
        () -> NightlyCompare.run(warehouse, "n1", "n2", 1e-6, 0));
    assertEquals("nightly_compare.leaderboard VERSION AS OF " + a + " (nightly 'n1') can no longer be read: VACUUM has"
        + " deleted its data files (the nightly's VACUUM keeps the files of the last"
        + " smc.warehouse.vacuum-retention-hours = 0 h; a later overwrite made them history)", gone.getMessage());
    // The current version is untouched.
    assertEquals(2, warehouse.read(Tables.LEADERBOARD).count());
  }

  private static NightlyRuns.Nightly nightly(String id, String status, Map<String, Long> versions) {
    return new NightlyRuns.Nightly(id, "v1", 1_000_000L * id.charAt(1), status.equals(NightlyRuns.RUNNING) ? null : 2L,
        status, status.equals(NightlyRuns.FAILED) ? "boom" : null, false, List.of("csqa"), List.of(), 3, 3, 0, 0,
        versions);
  }

  private static Dataset<Row> board(Warehouse warehouse, double ompMean, boolean ompMatching) {
    StructType schema = new StructType()
        .add("dataset", DataTypes.StringType).add("model", DataTypes.StringType).add("method", DataTypes.StringType)
        .add("target_sparsity", DataTypes.DoubleType).add("metric_name", DataTypes.StringType)
        .add("metric_mean", DataTypes.DoubleType).add("matching", DataTypes.BooleanType);
    return warehouse.spark().createDataFrame(List.of(
        RowFactory.create("csqa", "minilm", "dense", 0.0, "accuracy", 0.30, true),
        RowFactory.create("csqa", "minilm", "omp_after", 0.5, "accuracy", ompMean, ompMatching)), schema);
  }
}
