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
import org.smcbench.model.ModelFamilies;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;

/**
 * Ingest: every split file of every dataset in the sweep, tokenized with every model's tokenizer,
 * into {@code smc.qa_examples} (MERGE on dataset, split, tokenizer, example id); malformed records
 * into {@code smc.quarantine} (MERGE on file and record number). Re-running changes nothing.
 */
public final class IngestJob {
  /** Counts of one (dataset, split) for the summary. */
  public record SplitCount(String dataset, String split, String tokenizer, long read, long landed, long quarantined) {}

  private IngestJob() {}

  public static List<SplitCount> run(Settings settings, Warehouse warehouse, PrintStream out) {
    DataPaths paths = new DataPaths(settings.dataRoot(), warehouse.spark().sparkContext().hadoopConfiguration());
    paths.requireRoot();
    List<SplitCount> counts = new ArrayList<>();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext());
    for (String modelName : settings.sweep().models()) {
      ModelSettings model = settings.model(modelName);
      Broadcast<byte[]> tokenizer = jsc.broadcast(ModelFamilies.get(model.family()).tokenizerJson(model));
      for (String datasetName : settings.sweep().datasets()) {
        DatasetSettings dataset = settings.dataset(datasetName);
        for (Map.Entry<String, String> split : dataset.files().entrySet()) {
          if (split.getValue().isEmpty()) {
            continue;
          }
          String file = paths.require(split.getValue(), "smc.datasets." + datasetName + ".files." + split.getKey());
          warehouse.spark().sparkContext().setJobDescription("ingest " + datasetName + "/" + split.getKey());
          OutcomeRows.Split result = McIngest.read(warehouse.spark(), datasetName, split.getKey(), file,
              dataset.reader(), modelName, tokenizer, settings.ingestShards());
          Dataset<Row> examples = result.examples();
          Dataset<Row> quarantine = result.quarantine();
          long landed = examples.count();
          long bad = quarantine.count();
          warehouse.upsert(Tables.QA_EXAMPLES, examples.repartition(settings.ingestShards(),
              examples.col("shard")), List.of("dataset", "split", "tokenizer", "example_id"));
          if (bad > 0) {
            warehouse.upsert(Tables.QUARANTINE, quarantine, List.of("source_file", "record_no"));
          }
          SplitCount c = new SplitCount(datasetName, split.getKey(), modelName, landed + bad, landed, bad);
          counts.add(c);
          out.printf("ingest %-12s %-6s tokenizer=%-8s read=%d landed=%d quarantined=%d%n",
              c.dataset(), c.split(), c.tokenizer(), c.read(), c.landed(), c.quarantined());
        }
      }
      tokenizer.destroy();
    }
    return counts;
  }
}
