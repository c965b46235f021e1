package org.smcbench.ingest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.Settings;
import org.smcbench.data.DataPaths;
import org.smcbench.data.McIngest;
import org.smcbench.data.OutcomeRows;
import org.smcbench.data.mwp.MwpFolds;
import org.smcbench.data.mwp.MwpIngest;
import org.smcbench.model.ModelFamilies;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.task.mc.MultipleChoiceTask;
import org.smcbench.task.mwp.MwpTask;
import org.smcbench.task.protein.ProteinTask;
import org.smcbench.task.translation.TranslationTask;
import org.smcbench.config.ParallelTextSettings;
import org.smcbench.data.translation.LearnedVocabularies;
import org.smcbench.data.translation.ParallelIngest;
import org.smcbench.data.translation.ParallelTokens;
import org.smcbench.data.protein.ProteinIngest;
import org.smcbench.data.protein.ProteinReaders;

/**
 * Ingest: every split file of every dataset in the sweep. Multiple-choice datasets are tokenized
 * with the tokenizer of every sweep model of that task into {@code smc.qa_examples} (MERGE on
 * dataset, split, tokenizer, example id); math word problems, every fold's files, into
 * {@code smc.mwp_examples} (MERGE on dataset, fold, split, problem id; their models build their
 * vocabularies from the train split). Malformed records go to {@code smc.quarantine} (MERGE on
 * file and record number). Re-running changes nothing.
 */
public final class IngestJob {
  /** Counts of one (dataset, split) for the summary; {@code tokenizer} is "" for word-level data. */
  public record SplitCount(String dataset, String split, String tokenizer, long read, long landed, long quarantined) {}

  private IngestJob() {}

  public static List<SplitCount> run(Settings settings, Warehouse warehouse, PrintStream out) {
    return run(settings, warehouse, out, settings.sweep().datasets());
  }

  /**
   * Ingests only {@code datasets} (sweep datasets, in sweep order). Translation datasets are read
   * together (a learned vocabulary spans several), so name all of the sweep's or none.
   */
  public static List<SplitCount> run(Settings settings, Warehouse warehouse, PrintStream out, List<String> datasets) {
    DataPaths paths = new DataPaths(settings.dataRoot(), warehouse.spark().sparkContext().hadoopConfiguration());
    paths.requireRoot();
    List<SplitCount> counts = new ArrayList<>();
    List<DatasetSettings> translation = new ArrayList<>();
    for (String datasetName : settings.sweep().datasets()) {
      if (!datasets.contains(datasetName)) {
        continue;
      }
      DatasetSettings dataset = settings.dataset(datasetName);
      if (dataset.task().equals(TranslationTask.NAME)) {
        translation.add(dataset);
      } else if (dataset.task().equals(MwpTask.NAME)) {
        counts.addAll(ingestProblems(dataset, paths, warehouse, out));
      } else if (dataset.task().equals(MultipleChoiceTask.NAME)) {
        counts.addAll(ingestMultipleChoice(settings, dataset, paths, warehouse, out));
      } else if (dataset.task().equals(ProteinTask.CLASSIFICATION) || dataset.task().equals(ProteinTask.REGRESSION)) {
        counts.addAll(ingestProteins(dataset, paths, warehouse, out));
      } else {
        throw new IllegalArgumentException("smc.datasets." + datasetName + ": no ingest for task " + dataset.task());
      }
    }
    if (!translation.isEmpty()) {
      counts.addAll(ingestTranslation(settings, translation, paths, warehouse, out));
    }
    return counts;
  }

  /**
   * Translation datasets: every split's parallel text (quarantine MERGEd as it is read), then per
   * sweep model of the task its vocabulary (learned from the train splits of the datasets it reads,
   * once, or its own tokenizer.json) and the tokenized rows MERGEd into {@code smc.parallel_text}.
   */
  private static List<SplitCount> ingestTranslation(Settings settings, List<DatasetSettings> datasets,
      DataPaths paths, Warehouse warehouse, PrintStream out) {
    Map<String, Dataset<Row>> text = new java.util.LinkedHashMap<>();
    Map<String, Long> quarantined = new java.util.HashMap<>();
    for (DatasetSettings dataset : datasets) {
      Dataset<Row> all = null;
      for (Map.Entry<String, String> split : dataset.files().entrySet()) {
        if (split.getValue().isEmpty()) {
          continue;
        }
        String root = paths.require(split.getValue(), "smc.datasets." + dataset.name() + ".files." + split.getKey());
        ParallelTextSettings p = dataset.parallelText();
        warehouse.spark().sparkContext().setJobDescription("ingest " + dataset.name() + "/" + split.getKey());
        OutcomeRows.Split result = ParallelIngest.read(warehouse.spark(), dataset.name(), split.getKey(),
            p.layout(split.getKey(), dataset.reader()), root, p.languages(), p.pivot(), p.pivotPairs());
        long bad = result.quarantine().count();
        if (bad > 0) {
          warehouse.upsert(Tables.QUARANTINE, result.quarantine(), ParallelIngest.QUARANTINE_KEYS);
        }
        quarantined.put(dataset.name() + "/" + split.getKey(), bad);
        all = all == null ? result.examples() : all.unionByName(result.examples());
      }
      text.put(dataset.name(), all.cache());
    }
    // Rows per split, for the summary: the same for every model that tokenizes them.
    Map<String, List<Row>> splitCounts = new java.util.HashMap<>();
    text.forEach((name, rows) -> splitCounts.put(name, rows.groupBy("split").count().orderBy("split").collectAsList()));
    List<SplitCount> counts = new ArrayList<>();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext());
    for (String modelName : settings.sweep().models()) {
      ModelSettings model = org.smcbench.pretrain.PretrainedCheckpoints.withCorpus(settings, settings.model(modelName));
      if (!ModelFamilies.get(model.family()).tasks().contains(TranslationTask.NAME)) {
        continue;
      }
      byte[] tokenizerJson;
      if (model.learnsVocabulary()) {
        Dataset<Row> trainText = null;
        for (String name : model.seq2seq().vocabularyCorpus()) {
          Dataset<Row> train = text.get(name).where("split = 'train'").select("src", "tgt");
          trainText = trainText == null ? train : trainText.unionByName(train);
        }
        tokenizerJson = LearnedVocabularies.learnOrRead(warehouse, model, trainText, out);
      } else {
        tokenizerJson = ModelFamilies.get(model.family()).tokenizerJson(model);
      }
      Broadcast<byte[]> tokenizer = jsc.broadcast(tokenizerJson);
      for (Map.Entry<String, Dataset<Row>> e : text.entrySet()) {
        warehouse.spark().sparkContext().setJobDescription("tokenize " + e.getKey() + " for " + modelName);
        Dataset<Row> rows = ParallelTokens.tokenize(e.getValue(), modelName, tokenizer);
        warehouse.upsert(Tables.PARALLEL_TEXT, rows.repartition(settings.ingestShards()), ParallelTokens.KEYS);
        for (Row r : splitCounts.get(e.getKey())) {
          long bad = quarantined.getOrDefault(e.getKey() + "/" + r.getString(0), 0L);
          counts.add(print(out, new SplitCount(e.getKey(), r.getString(0), modelName, r.getLong(1) + bad, r.getLong(1),
              bad)));
        }
      }
      tokenizer.destroy();
    }
    text.values().forEach(Dataset::unpersist);
    return counts;
  }

  private static List<SplitCount> ingestMultipleChoice(Settings settings, DatasetSettings dataset, DataPaths paths,
      Warehouse warehouse, PrintStream out) {
    List<SplitCount> counts = new ArrayList<>();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext());
    for (String modelName : settings.sweep().models()) {
      ModelSettings model = settings.model(modelName);
      if (!ModelFamilies.get(model.family()).tasks().contains(dataset.task())) {
        continue;
      }
      Broadcast<byte[]> tokenizer = jsc.broadcast(ModelFamilies.get(model.family()).tokenizerJson(model));
      for (Map.Entry<String, String> split : dataset.files().entrySet()) {
        if (split.getValue().isEmpty()) {
          continue;
        }
        String file = paths.require(split.getValue(), "smc.datasets." + dataset.name() + ".files." + split.getKey());
        warehouse.spark().sparkContext().setJobDescription("ingest " + dataset.name() + "/" + split.getKey());
        OutcomeRows.Split result = McIngest.read(warehouse.spark(), dataset.name(), split.getKey(), file,
            dataset.reader(), modelName, tokenizer, settings.ingestShards());
        Dataset<Row> examples = result.examples();
        long landed = examples.count();
        long bad = result.quarantine().count();
        warehouse.upsert(Tables.QA_EXAMPLES, examples.repartition(settings.ingestShards(),
            examples.col("shard")), List.of("dataset", "split", "tokenizer", "example_id"));
        if (bad > 0) {
          warehouse.upsert(Tables.QUARANTINE, result.quarantine(), List.of("source_file", "record_no"));
        }
        counts.add(print(out, new SplitCount(dataset.name(), split.getKey(), modelName, landed + bad, landed, bad)));
      }
      tokenizer.destroy();
    }
    return counts;
  }

  /** Every fold's split files of one math-word-problem dataset, MERGEd once per table. */
  private static List<SplitCount> ingestProblems(DatasetSettings dataset, DataPaths paths, Warehouse warehouse,
      PrintStream out) {
    List<MwpFolds.Entry> entries = new ArrayList<>();
    for (String fold : dataset.folds()) {
      dataset.files(fold).forEach((split, path) -> {
        if (!path.isEmpty()) {
          entries.add(new MwpFolds.Entry(fold, split, path));
        }
      });
    }
    warehouse.spark().sparkContext().setJobDescription("ingest " + dataset.name());
    OutcomeRows.Split result = MwpIngest.readAll(warehouse.spark(), new MwpFolds(dataset.name(), entries),
        e -> paths.require(e.path(), "smc.datasets." + dataset.name() + ".files." + e.split()
            + (e.fold().isEmpty() ? "" : " (fold " + e.fold() + ")")));
    MwpIngest.upsert(warehouse, result);
    // Per file from the cached parse: the summary must show where rows were quarantined.
    Map<String, Long> landed = perFile(result.examples());
    Map<String, Long> bad = perFile(result.quarantine());
    List<SplitCount> counts = new ArrayList<>();
    for (MwpFolds.Entry e : entries) {
      String file = paths.require(e.path(), "");
      long ok = landed.getOrDefault(file, 0L);
      long quarantined = bad.getOrDefault(file, 0L);
      String split = e.fold().isEmpty() ? e.split() : "fold" + e.fold() + "/" + e.split();
      counts.add(print(out, new SplitCount(dataset.name(), split, "", ok + quarantined, ok, quarantined)));
    }
    return counts;
  }

  /**
   * A protein dataset: HotProtein (files.sequences, a FASTA, and files.splits, a pickle per fold)
   * or FLIP (files.csv); one MERGE per table. Counts are per split.
   */
  private static List<SplitCount> ingestProteins(DatasetSettings dataset, DataPaths paths, Warehouse warehouse,
      PrintStream out) {
    String at = "smc.datasets." + dataset.name() + ".files.";
    warehouse.spark().sparkContext().setJobDescription("ingest " + dataset.name());
    OutcomeRows.Split result = switch (dataset.reader()) {
      case ProteinReaders.HOTPROTEIN -> {
        String fasta = paths.require(required(dataset, "sequences"), at + "sequences");
        List<ProteinIngest.FoldFile> folds = foldFiles(dataset, paths, at);
        yield ProteinIngest.readHotProtein(warehouse.spark(), dataset.name(), fasta, folds, dataset.classThresholds());
      }
      case ProteinReaders.HOTPROTEIN_STRUCTURES -> {
        String folder = paths.require(required(dataset, "structures"), at + "structures");
        List<ProteinIngest.FoldFile> folds = foldFiles(dataset, paths, at);
        yield ProteinIngest.readStructures(warehouse.spark(), dataset.name(), folder, folds, dataset.classThresholds());
      }
      case ProteinReaders.FLIP -> ProteinIngest.readFlip(warehouse.spark(), dataset.name(),
          paths.require(required(dataset, "csv"), at + "csv"), dataset.classThresholds());
      default -> throw new IllegalArgumentException("smc.datasets." + dataset.name() + ".reader = '"
          + dataset.reader() + "' is not a protein reader " + ProteinReaders.ALL);
    };
    ProteinIngest.upsert(warehouse, result);
    List<SplitCount> counts = new ArrayList<>();
    Map<String, Long> bad = new java.util.HashMap<>();
    for (Row r : result.quarantine().groupBy("split").count().collectAsList()) {
      bad.put(r.getString(0), r.getLong(1));
    }
    for (Row r : result.examples().groupBy("fold", "split").count().orderBy("fold", "split").collectAsList()) {
      String split = r.getString(0).isEmpty() ? r.getString(1) : "fold" + r.getString(0) + "/" + r.getString(1);
      long quarantined = bad.getOrDefault(split, 0L);
      counts.add(print(out, new SplitCount(dataset.name(), split, "", r.getLong(2) + quarantined, r.getLong(2),
          quarantined)));
    }
    long unassigned = bad.getOrDefault("", 0L);
    if (unassigned > 0) {
      counts.add(print(out, new SplitCount(dataset.name(), "(file)", "", unassigned, 0, unassigned)));
    }
    return counts;
  }

  /** Every fold's split pickle (files.splits with the fold filled in). */
  private static List<ProteinIngest.FoldFile> foldFiles(DatasetSettings dataset, DataPaths paths, String at) {
    List<ProteinIngest.FoldFile> folds = new ArrayList<>();
    for (String fold : dataset.folds()) {
      folds.add(new ProteinIngest.FoldFile(fold, paths.require(dataset.files(fold).get("splits"), at + "splits"
          + (fold.isEmpty() ? "" : " (fold " + fold + ")"))));
    }
    return folds;
  }

  private static String required(DatasetSettings dataset, String role) {
    String path = dataset.files().get(role);
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("smc.datasets." + dataset.name() + ".files." + role
          + " is not set: the " + dataset.reader() + " reader needs it");
    }
    return path;
  }

  private static Map<String, Long> perFile(Dataset<Row> rows) {
    Map<String, Long> counts = new java.util.HashMap<>();
    for (Row r : rows.groupBy("source_file").count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private static SplitCount print(PrintStream out, SplitCount c) {
    out.printf("ingest %-12s %-12s tokenizer=%-8s read=%d landed=%d quarantined=%d%n",
        c.dataset(), c.split(), c.tokenizer().isEmpty() ? "-" : c.tokenizer(), c.read(), c.landed(), c.quarantined());
    return c;
  }
}
