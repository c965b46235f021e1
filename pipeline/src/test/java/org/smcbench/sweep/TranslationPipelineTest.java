package org.smcbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import org.smcbench.ingest.IngestJob;
import org.smcbench.pretrain.PretrainJob;
import org.smcbench.results.AggregateJob;
import org.smcbench.results.Tables;
import org.smcbench.results.Warehouse;
import org.smcbench.testing.SparkTestSession;

/**
 * The translation task end to end on fixtures in the OPUS-MT-testsets and FLORES-200 layouts:
 * ingest (a pair of different line counts quarantined whole), a vocabulary learned once, denoising
 * pre-training registered once, a sweep of dense and OMP (After) fine-tuned from that checkpoint
 * and scored per direction with BLEU and chrF beside copying the source.
 */
class TranslationPipelineTest {
  private static final String[] WORDS = {"le", "chat", "noir", "dort", "sur", "la", "table", "un", "chien", "mange"};
  private static final String[] ENGLISH = {"the", "cat", "black", "sleeps", "on", "the", "table", "a", "dog", "eats"};

  @TempDir
  Path dir;

  /** Line i of a toy French / English pair: the same word positions, translated word by word. */
  private static String[] sentence(int i) {
    StringBuilder fr = new StringBuilder();
    StringBuilder en = new StringBuilder();
    for (int w = 0; w < 4 + i % 3; w++) {
      int k = (i * 7 + w * 3) % WORDS.length;
      fr.append(w == 0 ? "" : " ").append(WORDS[k]);
      en.append(w == 0 ? "" : " ").append(ENGLISH[k]);
    }
    return new String[] {fr.toString(), en.toString()};
  }

  private static void write(Path file, List<String> lines) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
  }

  @Test
  void ingestPretrainSweepAndScorePerDirection() throws Exception {
    Path data = dir.resolve("data");
    List<String> fr = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String[] s = sentence(i);
      fr.add(s[0]);
      en.add(s[1]);
    }
    write(data.resolve("testsets/en-fr/news.fr"), fr);
    write(data.resolve("testsets/en-fr/news.en"), en);
    // A second test set of the pair whose sides differ in length: quarantined whole (3 + 2 lines).
    write(data.resolve("testsets/en-fr/broken.fr"), List.of("un chat", "le chien", "la table"));
    write(data.resolve("testsets/en-fr/broken.en"), List.of("a cat", "the dog"));
    List<String> devFr = new ArrayList<>();
    List<String> devEn = new ArrayList<>();
    for (int i = 100; i < 108; i++) {
      String[] s = sentence(i);
      devFr.add(s[0]);
      devEn.add(s[1]);
    }
    write(data.resolve("flores/devtest/fra_Latn.devtest"), devFr);
    write(data.resolve("flores/devtest/eng_Latn.devtest"), devEn);

    Settings settings = ConfigLoader.load(null, List.of(
        "data.root=\"" + data + "\"",
        "datasets.translation-2to2.files={train=\"testsets\", devtest=\"flores\"}",
        "datasets.translation-2to2.languages=[fr]",
        "datasets.translation-2to2.training={learning-rate=3e-3, batch-size=16, steps=30, warmup-steps=3,"
            + " weight-decay=0, eval-batch-size=8}",
        "models.mbart-cpu={layers=1, hidden-size=32, attention-heads=2, ffn-size=64, max-seq-len=16, dropout=0,"
            + " beam-size=2, seq2seq={vocab-size=60}, pretrain={steps=10, batch-size=8, warmup-steps=1}}",
        "sweep.datasets=[translation-2to2]", "sweep.models=[mbart-cpu]",
        "sweep.methods=[dense, omp_after]", "sweep.sparsities=[0.5]"),
        Map.of());
    Warehouse warehouse = SparkTestSession.newWarehouse(dir.resolve("wh"), "translation_test");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true);

    IngestJob.run(settings, warehouse, out);
    // 60 aligned lines in both directions for training, 8 in both for evaluation.
    assertEquals(120, warehouse.read(Tables.PARALLEL_TEXT).where("split = 'train'").count());
    assertEquals(16, warehouse.read(Tables.PARALLEL_TEXT).where("split = 'devtest'").count());
    assertEquals(5, warehouse.read(Tables.QUARANTINE).count());
    assertTrue(warehouse.read(Tables.QUARANTINE).first().<String>getAs("reason").contains("broken"));
    Row row = warehouse.read(Tables.PARALLEL_TEXT).where("src_lang = 'fr' AND example_id = 'news:1'").first();
    assertEquals("mbart-cpu", row.getAs("tokenizer"));
    assertTrue(row.getList(row.fieldIndex("src_tokens")).size() > 0);
    // Re-running changes nothing and learns no second vocabulary.
    IngestJob.run(settings, warehouse, out);
    assertEquals(136, warehouse.read(Tables.PARALLEL_TEXT).count());
    assertTrue(log.toString().contains("exists: reused"), log.toString());

    List<PretrainJob.Outcome> pretrained = PretrainJob.run(settings, warehouse, out, "test");
    assertEquals(1, pretrained.size());
    Row registered = warehouse.read(Tables.PRETRAINED).first();
    assertEquals(List.of("translation-2to2"), registered.getList(registered.fieldIndex("corpus")));
    String location = registered.getAs("location");
    assertTrue(Files.isRegularFile(Path.of(location, "model.safetensors")));
    assertTrue(Files.isRegularFile(Path.of(location, "tokenizer.json")));
    assertTrue(PretrainJob.run(settings, warehouse, out, "test").get(0).skipped());

    SweepJob.Summary summary = new SweepJob(settings, warehouse, out, "test").run(SweepJob.Rerun.NONE);
    assertEquals(new SweepJob.Summary(2, 0, 2, 0), summary);
    for (Row r : warehouse.read(Tables.RUNS).collectAsList()) {
      assertEquals("succeeded", r.getAs("status"), String.valueOf(r.<String>getAs("error")));
      assertEquals("bleu", r.getAs("metric_name"));
      JsonObject metrics = JsonParser.parseString(r.<String>getAs("metrics")).getAsJsonObject();
      for (String key : List.of("bleu.fr-en", "bleu.en-fr", "chrf.fr-en", "chrf.en-fr", "copy_chrf.fr-en", "chrf")) {
        assertTrue(metrics.has(key), key + " in " + metrics);
      }
      double average = (metrics.get("bleu.fr-en").getAsDouble() + metrics.get("bleu.en-fr").getAsDouble()) / 2;
      assertEquals(average, r.<Double>getAs("metric_value"), 1e-9);
    }
    // The runs' reference level is copying the source, averaged over the two directions.
    Row dense = warehouse.read(Tables.RUNS).where("method = 'dense'").first();
    JsonObject metrics = JsonParser.parseString(dense.<String>getAs("metrics")).getAsJsonObject();
    assertEquals(metrics.get("copy_bleu").getAsDouble(), dense.<Double>getAs("chance"), 1e-9);

    // Aggregation: one score row per run and direction, and the report's per-direction table.
    AggregateJob.run(warehouse, 0.01);
    List<Row> scores = warehouse.read(Tables.TRANSLATION_SCORES).where("method = 'dense'").orderBy("direction")
        .collectAsList();
    assertEquals(List.of("en-fr", "fr-en"), scores.stream().map(r -> r.<String>getAs("direction")).toList());
    assertEquals(metrics.get("chrf.fr-en").getAsDouble(), scores.get(1).<Double>getAs("chrf"), 1e-12);
    assertEquals(metrics.get("copy_bleu.en-fr").getAsDouble(), scores.get(0).<Double>getAs("copy_bleu"), 1e-12);
    assertEquals(4, warehouse.read(Tables.TRANSLATION_SCORES).count());
    Path page = org.smcbench.report.ReportJob.run(warehouse, dir.resolve("report")).page();
    String html = Files.readString(page);
    assertTrue(html.contains("Translation by direction") && html.contains("tok:13a"), "report shows the directions");
  }
}
