package org.smcbench.nightly;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smcbench.config.Settings;
import org.smcbench.ingest.IncrementalIngest;
import org.smcbench.pretrain.PretrainJob;
import org.smcbench.results.AggregateJob;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.sweep.SweepJob;

/**
 * One nightly regeneration: ingest (datasets whose fingerprint changed), pre-train (settings not
 * yet pre-trained), sweep (configurations that are new or were recorded by another code version;
 * all with {@code force}), aggregate, then OPTIMIZE and VACUUM of the tables it wrote. Its row in
 * {@code smc.nightly_runs} is written when it starts and when it ends — failed ones too, with the
 * error — with the Delta version of every table it wrote, which {@code compare} time-travels to.
 */
public final class NightlyJob {
  /**
   * @param nightlyId   the row's key (re-using one replaces its row); null = the start time, UTC
   * @param force       re-run every configuration
   * @param rerunFailed also re-run configurations recorded as failed by the same code version
   * @param reingest    ingest every dataset whatever its fingerprint
   */
  public record Options(String nightlyId, boolean force, boolean rerunFailed, boolean reingest) {}

  /** What the nightly did; {@code leaderboard} is the aggregate's, ordered for printing. */
  public record Outcome(NightlyRuns.Nightly row, Dataset<Row> leaderboard) {}

  static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Settings settings;
  private final Warehouse warehouse;
  private final PrintStream out;
  private final String codeVersion;

  public NightlyJob(Settings settings, Warehouse warehouse, PrintStream out, String codeVersion) {
    this.settings = settings;
    this.warehouse = warehouse;
    this.out = out;
    this.codeVersion = codeVersion;
  }

  public Outcome run(Options options) {
    double retention = settings.warehouse().vacuumRetentionHours();
    // Before any work: a refused VACUUM at the end of a long night would waste it.
    TableMaintenance.requireRetentionAllowed(warehouse.spark(), retention);
    long started = System.currentTimeMillis();
    String id = options.nightlyId() != null ? options.nightlyId() : ID.format(Instant.ofEpochMilli(started));
    NightlyRuns runs = new NightlyRuns(warehouse);
    Map<String, Long> before = versions();
    runs.record(new NightlyRuns.Nightly(id, codeVersion, started, null, NightlyRuns.RUNNING, null, options.force(),
        List.of(), List.of(), 0, 0, 0, 0, Map.of()));
    out.printf("nightly %s: code version %s%n", id, codeVersion);
    IncrementalIngest.Result ingest = new IncrementalIngest.Result(List.of(), List.of());
    SweepJob.Summary sweep = new SweepJob.Summary(0, 0, 0, 0);
    try {
      ingest = IncrementalIngest.run(settings, warehouse, out, options.reingest(), codeVersion, id);
      PretrainJob.run(settings, warehouse, out, codeVersion);
      SweepJob.Rerun rerun = options.force() ? SweepJob.Rerun.ALL : SweepJob.Rerun.CODE_CHANGED;
      sweep = new SweepJob(settings, warehouse, out, codeVersion).run(options.rerunFailed() ? rerun.withFailed() : rerun);
      Dataset<Row> leaderboard = AggregateJob.run(warehouse, settings.matchingTolerance());
      TableMaintenance.run(warehouse, written(before, versions()), retention, out);
      NightlyRuns.Nightly row = finished(id, started, NightlyRuns.SUCCEEDED, null, options, ingest, sweep, before);
      runs.record(row);
      out.printf("nightly %s succeeded: ingested %s, skipped %s unchanged; %d configurations ran, %d skipped, %d failed;"
          + " leaderboard version %s%n", id, ingest.ingested(), ingest.unchanged(), sweep.succeeded() + sweep.failed(),
          sweep.skipped(), sweep.failed(), row.leaderboardVersion());
      return new Outcome(row, leaderboard);
    } catch (RuntimeException e) {
      try {
        runs.record(finished(id, started, NightlyRuns.FAILED, e.getClass().getName() + ": " + e.getMessage(), options,
            ingest, sweep, before));
      } catch (RuntimeException recording) {
        e.addSuppressed(recording);
      }
      throw e;
    }
  }

  private NightlyRuns.Nightly finished(String id, long started, String status, String error, Options options,
      IncrementalIngest.Result ingest, SweepJob.Summary sweep, Map<String, Long> before) {
    Map<String, Long> versions = new LinkedHashMap<>();
    Map<String, Long> now = versions();
    for (String table : written(before, now)) {
      versions.put(table, now.get(table));
    }
    return new NightlyRuns.Nightly(id, codeVersion, started, System.currentTimeMillis(), status, error, options.force(),
        ingest.ingested(), ingest.unchanged(), sweep.planned(), sweep.succeeded() + sweep.failed(), sweep.skipped(),
        sweep.failed(), versions);
  }

  /** The tables whose Delta version moved since {@code before} (this nightly wrote them). */
  private static List<String> written(Map<String, Long> before, Map<String, Long> now) {
    List<String> out = new ArrayList<>();
    now.forEach((table, v) -> {
      if (v >= 0 && !v.equals(before.get(table))) {
        out.add(table);
      }
    });
    return out;
  }

  /** Current version of every pipeline table but nightly_runs itself (-1: absent). */
  private Map<String, Long> versions() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String table : Tables.ALL) {
      if (!table.equals(Tables.NIGHTLY_RUNS)) {
        out.put(table, warehouse.version(table));
      }
    }
    return out;
  }
}
