package org.smcbench.nightly;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The same nightly can run as one command per {@link NightlyStage} (a cluster job's dependent tasks):
 * each continues the row the previous stage left, and the table versions accumulate.
 */
public final class NightlyJob {
  /**
   * @param nightlyId   the row's key (re-using one for the ingest stage replaces its row); null = the
   *                    start time, UTC (only for the ingest stage, which starts a nightly)
   * @param force       re-run every configuration
   * @param rerunFailed also re-run configurations recorded as failed by the same code version
   * @param reingest    ingest every dataset whatever its fingerprint
   * @param stage       what this command runs
   */
  public record Options(String nightlyId, boolean force, boolean rerunFailed, boolean reingest, NightlyStage stage) {
    public Options(String nightlyId, boolean force, boolean rerunFailed, boolean reingest) {
      this(nightlyId, force, rerunFailed, reingest, NightlyStage.ALL);
    }
  }

  /** What this command did; {@code leaderboard} is the aggregate's (null when it ran no aggregate stage). */
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

  /**
   * Runs the stages of {@code options}; throws {@link NightlyStage.Refused} before any work when a
   * later stage has no nightly to continue.
   */
  public Outcome run(Options options) {
    double retention = settings.warehouse().vacuumRetentionHours();
    // Before any work: a refused VACUUM at the end of a long night would waste it.
    TableMaintenance.requireRetentionAllowed(warehouse.spark(), retention);
    List<NightlyStage> stages = options.stage().steps();
    NightlyRuns runs = new NightlyRuns(warehouse);
    Progress row = begin(runs, options, stages.get(0));
    Map<String, Long> before = versions();
    row.stages.put(stages.get(0).key(), NightlyRuns.RUNNING); // the row says which stage is under way
    runs.record(row.build());
    out.printf("nightly %s: %s, code version %s%n", row.id, options.stage() == NightlyStage.ALL ? "every stage"
        : "stage " + options.stage().key(), codeVersion);
    Dataset<Row> leaderboard = null;
    NightlyStage current = stages.get(0);
    try {
      for (NightlyStage stage : stages) {
        current = stage;
        row.stages.put(stage.key(), NightlyRuns.RUNNING);
        switch (stage) {
          case INGEST -> {
            IncrementalIngest.Result ingest =
                IncrementalIngest.run(settings, warehouse, out, options.reingest(), codeVersion, row.id);
            row.ingested = ingest.ingested();
            row.unchanged = ingest.unchanged();
          }
          case SWEEP -> {
            // Pre-training goes with the sweep: it is training (the GPU's work) and only the sweep reads it.
            PretrainJob.run(settings, warehouse, out, codeVersion);
            SweepJob.Rerun rerun = options.force() ? SweepJob.Rerun.ALL : SweepJob.Rerun.CODE_CHANGED;
            row.sweep = new SweepJob(settings, warehouse, out, codeVersion)
                .run(options.rerunFailed() ? rerun.withFailed() : rerun);
            row.force = options.force();
          }
          case AGGREGATE -> {
            leaderboard = AggregateJob.run(warehouse, settings.matchingTolerance());
            row.addVersions(written(before, versions()));
            TableMaintenance.run(warehouse, List.copyOf(row.versions.keySet()), retention, out);
          }
          default -> throw new IllegalStateException("not a single stage: " + stage);
        }
        row.stages.put(stage.key(), NightlyRuns.SUCCEEDED);
      }
      // The nightly is done when its aggregate stage is; an earlier stage leaves it running.
      boolean last = current == NightlyStage.AGGREGATE;
      row.end(last ? NightlyRuns.SUCCEEDED : NightlyRuns.RUNNING, null, written(before, versions()));
      NightlyRuns.Nightly recorded = row.build();
      runs.record(recorded);
      out.printf("nightly %s: %s %s; leaderboard version %s%n", row.id,
          options.stage() == NightlyStage.ALL ? "every stage" : "stage " + current.key(),
          NightlyRuns.SUCCEEDED, recorded.leaderboardVersion());
      return new Outcome(recorded, leaderboard);
    } catch (RuntimeException e) {
      try {
        row.stages.put(current.key(), NightlyRuns.FAILED);
        row.end(NightlyRuns.FAILED, current.key() + ": " + e.getClass().getName() + ": " + e.getMessage(),
            written(before, versions()));
        runs.record(row.build());
      } catch (RuntimeException recording) {
        e.addSuppressed(recording);
      }
      throw e;
    }
  }

  /**
   * The row this command writes: a new one when it starts with the ingest stage, else the
   * recorded row of {@code --id}, whose earlier stages must have succeeded.
   */
  private Progress begin(NightlyRuns runs, Options options, NightlyStage first) {
    long now = System.currentTimeMillis();
    if (first == NightlyStage.INGEST) {
      String id = options.nightlyId() != null ? options.nightlyId() : ID.format(Instant.ofEpochMilli(now));
      return new Progress(new NightlyRuns.Nightly(id, codeVersion, now, null, NightlyRuns.RUNNING, null, options.force(),
          List.of(), List.of(), 0, 0, 0, 0, Map.of()));
    }
    if (options.nightlyId() == null) {
      throw new NightlyStage.Refused("stage " + first.key() + " continues a nightly: give the --id its ingest stage"
          + " recorded");
    }
    NightlyRuns.Nightly existing;
    try {
      existing = runs.get(options.nightlyId());
    } catch (IllegalArgumentException unknown) {
      throw new NightlyStage.Refused(unknown.getMessage());
    }
    String blocked = first.blockedBy(existing.stages());
    if (blocked != null) {
      throw new NightlyStage.Refused("nightly '" + existing.nightlyId() + "' cannot run stage " + first.key() + ": "
          + blocked);
    }
    Progress row = new Progress(existing);
    row.stages.keySet().removeIf(s -> NightlyStage.of(s).ordinal() >= first.ordinal()); // re-done from here on
    return row;
  }

  /** The row being written, field by field as the stages fill it in. */
  private final class Progress {
    final String id;
    final long started;
    String status = NightlyRuns.RUNNING;
    String error;
    Long finished;
    boolean force;
    List<String> ingested;
    List<String> unchanged;
    SweepJob.Summary sweep;
    final Map<String, Long> versions;
    final Map<String, String> stages;

    Progress(NightlyRuns.Nightly n) {
      id = n.nightlyId();
      started = n.startedAtMillis();
      force = n.force();
      ingested = n.datasetsIngested();
      unchanged = n.datasetsUnchanged();
      sweep = new SweepJob.Summary(n.runsPlanned(), n.runsSkipped(), n.runsRan() - n.runsFailed(), n.runsFailed());
      versions = new TreeMap<>(n.tableVersions());
      stages = new LinkedHashMap<>(n.stages());
    }

    void addVersions(Map<String, Long> written) {
      versions.putAll(written);
    }

    void end(String endStatus, String endError, Map<String, Long> written) {
      addVersions(written);
      status = endStatus;
      error = endError;
      finished = NightlyRuns.RUNNING.equals(endStatus) ? null : System.currentTimeMillis();
    }

    NightlyRuns.Nightly build() {
      return new NightlyRuns.Nightly(id, codeVersion, started, finished, status, error, force, ingested, unchanged,
          sweep.planned(), sweep.succeeded() + sweep.failed(), sweep.skipped(), sweep.failed(), Map.copyOf(versions),
          Map.copyOf(stages));
    }
  }

  /** The tables whose Delta version moved since {@code before}, with their version now. */
  private static Map<String, Long> written(Map<String, Long> before, Map<String, Long> now) {
    Map<String, Long> out = new LinkedHashMap<>();
    now.forEach((table, v) -> {
      if (v >= 0 && !v.equals(before.get(table))) {
        out.put(table, v);
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
