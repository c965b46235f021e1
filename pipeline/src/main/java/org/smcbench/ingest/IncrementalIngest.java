package org.smcbench.ingest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.Settings;
import org.smcbench.data.DataPaths;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.task.mc.MultipleChoiceTask;
import org.smcbench.task.mwp.MwpTask;
import org.smcbench.task.translation.TranslationTask;

/**
 * The nightly's ingest: fingerprints every sweep dataset's files and ingest settings and ingests
 * only those whose fingerprint differs from the one {@code smc.ingest_state} holds (or whose
 * examples table is missing), then records the new fingerprints. Translation datasets are
 * ingested together when any of them is due (a learned vocabulary spans them).
 */
public final class IncrementalIngest {
  /** What happened to each sweep dataset. */
  public record Result(List<String> ingested, List<String> unchanged) {}

  private IncrementalIngest() {}

  /** {@code force}: ingest every dataset whatever its fingerprint (after a parser change, say). */
  public static Result run(Settings settings, Warehouse warehouse, PrintStream out, boolean force, String codeVersion,
      String nightlyId) {
    Configuration hadoop = warehouse.spark().sparkContext().hadoopConfiguration();
    DataPaths paths = new DataPaths(settings.dataRoot(), hadoop);
    paths.requireRoot();
    IngestState state = new IngestState(warehouse);
    Map<String, String> stored = state.hashes();
    List<InputFingerprint> due = new ArrayList<>();
    List<InputFingerprint> translation = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    boolean translationDue = false;
    for (String name : settings.sweep().datasets()) {
      DatasetSettings dataset = settings.dataset(name);
      InputFingerprint f = InputFingerprint.of(settings, dataset, paths, hadoop);
      String reason = force ? "forced"
          : !stored.containsKey(name) ? "never ingested"
          : !warehouse.exists(examplesTable(dataset)) ? warehouse.qualified(examplesTable(dataset)) + " is missing"
          : !stored.get(name).equals(f.inputHash()) ? "files or ingest settings changed"
          : null;
      if (dataset.task().equals(TranslationTask.NAME)) {
        translation.add(f);
        translationDue |= reason != null;
      }
      if (reason != null) {
        out.printf("ingest %s: %s (%d files, %d bytes)%n", name, reason, f.files(), f.bytes());
        if (!dataset.task().equals(TranslationTask.NAME)) {
          due.add(f);
        }
      } else {
        unchanged.add(name);
      }
    }
    if (translationDue) {
      due.addAll(translation);
      unchanged.removeIf(n -> translation.stream().anyMatch(f -> f.dataset().equals(n)));
    }
    for (String name : unchanged) {
      out.printf("ingest %s: unchanged since its last ingest, skipped%n", name);
    }
    List<String> ingested = due.stream().map(InputFingerprint::dataset).toList();
    if (!due.isEmpty()) {
      IngestJob.run(settings, warehouse, out, ingested);
      state.record(due, codeVersion, nightlyId);
    }
    return new Result(settings.sweep().datasets().stream().filter(ingested::contains).toList(), unchanged);
  }

  /** The table a dataset's ingest writes its examples to. */
  static String examplesTable(DatasetSettings dataset) {
    return switch (dataset.task()) {
      case MultipleChoiceTask.NAME -> Tables.QA_EXAMPLES;
      case MwpTask.NAME -> Tables.MWP_EXAMPLES;
      case TranslationTask.NAME -> Tables.PARALLEL_TEXT;
      default -> Tables.PROTEIN_EXAMPLES;
    };
  }
}
