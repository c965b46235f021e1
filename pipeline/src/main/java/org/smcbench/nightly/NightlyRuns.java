package org.smcbench.nightly;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * {@code smc.nightly_runs}: one row per nightly, upserted on {@code nightly_id} (so re-running a
 * nightly id replaces its row: MERGE; a new id is appended). Written as {@code running} when the nightly starts and again
 * when it ends, {@code succeeded} or {@code failed} with the error; a nightly killed on the way
 * stays {@code running}. A nightly run as one command per stage (one Databricks task each) is
 * written when each stage starts and ends: {@code stages} holds each stage's status, and the
 * row ends {@code succeeded} with its last stage.
 */
public final class NightlyRuns {
  public static final String RUNNING = "running";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  static final StructType SCHEMA = new StructType()
      .add("nightly_id", DataTypes.StringType, false)
      .add("code_version", DataTypes.StringType, false)
      .add("started_at", DataTypes.TimestampType, false)
      .add("finished_at", DataTypes.TimestampType, true)
      .add("status", DataTypes.StringType, false)
      .add("error", DataTypes.StringType, true)
      .add("force", DataTypes.BooleanType, false)
      .add("datasets_ingested", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("datasets_unchanged", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("runs_planned", DataTypes.IntegerType, false)
      .add("runs_ran", DataTypes.IntegerType, false)
      .add("runs_skipped", DataTypes.IntegerType, false)
      .add("runs_failed", DataTypes.IntegerType, false)
      .add("table_versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), false)
      // nullable: rows written before stages were recorded have none
      .add("stages", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), true);

  /**
   * One row; {@code tableVersions}: table → its Delta version when the nightly (or its latest
   * stage) ended, for every table it wrote; {@code stages}: stage name → running, succeeded or failed.
   */
  public record Nightly(String nightlyId, String codeVersion, long startedAtMillis, Long finishedAtMillis,
      String status, String error, boolean force, List<String> datasetsIngested, List<String> datasetsUnchanged,
      int runsPlanned, int runsRan, int runsSkipped, int runsFailed, Map<String, Long> tableVersions,
      Map<String, String> stages) {

    /** A row without stage statuses. */
    public Nightly(String nightlyId, String codeVersion, long startedAtMillis, Long finishedAtMillis, String status,
        String error, boolean force, List<String> datasetsIngested, List<String> datasetsUnchanged, int runsPlanned,
        int runsRan, int runsSkipped, int runsFailed, Map<String, Long> tableVersions) {
      this(nightlyId, codeVersion, startedAtMillis, finishedAtMillis, status, error, force, datasetsIngested,
          datasetsUnchanged, runsPlanned, runsRan, runsSkipped, runsFailed, tableVersions, Map.of());
    }

    /** The leaderboard version this nightly left, or null when it wrote none. */
    public Long leaderboardVersion() {
      return tableVersions.get(Tables.LEADERBOARD);
    }
  }

  private final Warehouse warehouse;

  public NightlyRuns(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public void record(Nightly n) {
    Row row = RowFactory.create(n.nightlyId(), n.codeVersion(), new Timestamp(n.startedAtMillis()),
        n.finishedAtMillis() == null ? null : new Timestamp(n.finishedAtMillis()), n.status(), n.error(), n.force(),
        n.datasetsIngested().toArray(new String[0]), n.datasetsUnchanged().toArray(new String[0]), n.runsPlanned(),
        n.runsRan(), n.runsSkipped(), n.runsFailed(),
        new TreeMap<>(n.tableVersions()), new TreeMap<>(n.stages()));
    Dataset<Row> rows = warehouse.spark().createDataFrame(List.of(row), SCHEMA);
    if (warehouse.exists(Tables.NIGHTLY_RUNS) && !isRecorded(n.nightlyId())) {
      // A new id: one append commit instead of a MERGE (several seconds here); an id seen before is MERGEd.
      warehouse.append(Tables.NIGHTLY_RUNS, rows);
    } else {
      warehouse.upsert(Tables.NIGHTLY_RUNS, rows, List.of("nightly_id"));
    }
  }

  private boolean isRecorded(String id) {
    return !warehouse.read(Tables.NIGHTLY_RUNS).where(functions.col("nightly_id").equalTo(id)).isEmpty();
  }

  /** The recorded nightly {@code id}; an unknown id is an error naming the most recent ones. */
  public Nightly get(String id) {
    return find(all(), id);
  }

  /** {@code id} among {@code nightlies} (read once with {@link #all()}); unknown: an error naming the latest. */
  public Nightly find(List<Nightly> nightlies, String id) {
    if (!warehouse.exists(Tables.NIGHTLY_RUNS)) {
      throw new IllegalArgumentException("unknown nightly '" + id + "': " + warehouse.qualified(Tables.NIGHTLY_RUNS)
          + " does not exist yet (run `smc-bench nightly` first)");
    }
    for (Nightly n : nightlies) {
      if (n.nightlyId().equals(id)) {
        return n;
      }
    }
    List<String> recent = new ArrayList<>();
    for (int i = nightlies.size() - 1; i >= 0 && recent.size() < 5; i--) {
      recent.add(nightlies.get(i).nightlyId());
    }
    throw new IllegalArgumentException("unknown nightly '" + id + "' in " + warehouse.qualified(Tables.NIGHTLY_RUNS)
        + "; the most recent: " + recent);
  }

  /** Every recorded nightly, oldest first (one small read). */
  public List<Nightly> all() {
    List<Nightly> out = new ArrayList<>();
    if (warehouse.exists(Tables.NIGHTLY_RUNS)) {
      for (Row r : warehouse.read(Tables.NIGHTLY_RUNS).collectAsList()) {
        out.add(fromRow(r));
      }
    }
    out.sort(java.util.Comparator.comparingLong(Nightly::startedAtMillis).thenComparing(Nightly::nightlyId));
    return out;
  }

  private static Nightly fromRow(Row r) {
    Timestamp finished = r.getAs("finished_at");
    Map<String, Long> versions = new TreeMap<>(r.getJavaMap(r.fieldIndex("table_versions")));
    boolean hasStages = java.util.Arrays.asList(r.schema().fieldNames()).contains("stages")
        && !r.isNullAt(r.fieldIndex("stages"));
    Map<String, String> stages = hasStages ? new TreeMap<>(r.getJavaMap(r.fieldIndex("stages"))) : Map.of();
    return new Nightly(r.getAs("nightly_id"), r.getAs("code_version"), r.<Timestamp>getAs("started_at").getTime(),
        finished == null ? null : finished.getTime(), r.getAs("status"), r.getAs("error"), r.<Boolean>getAs("force"),
        List.copyOf(r.<String>getList(r.fieldIndex("datasets_ingested"))),
        List.copyOf(r.<String>getList(r.fieldIndex("datasets_unchanged"))),
        r.<Integer>getAs("runs_planned"), r.<Integer>getAs("runs_ran"), r.<Integer>getAs("runs_skipped"),
        r.<Integer>getAs("runs_failed"), versions, stages);
  }
}
