package org.smcbench.data.translation;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.Settings;
import org.smcbench.model.ModelFamilies;
import org.smcbench.results.Warehouse;

/**
 * The subword vocabularies the pipeline learns for translation models without a tokenizer of their
 * own: one {@code tokenizer.json} per (model, key) under {@code <warehouse>/vocabularies/}, the key
 * a hash of the vocabulary size, the corpus (sweep datasets the model reads) and their languages.
 * The same settings find the same file, so a vocabulary is learned once; a {@code provenance.json}
 * beside it records what it was learned from.
 */
public final class LearnedVocabularies {
  private LearnedVocabularies() {}

  /** The translation datasets of the sweep that {@code model} reads, in sweep order. */
  public static List<DatasetSettings> corpus(Settings settings, ModelSettings model) {
    var tasks = ModelFamilies.get(model.family()).tasks();
    List<DatasetSettings> out = new ArrayList<>();
    for (String name : settings.sweep().datasets()) {
      DatasetSettings d = settings.dataset(name);
      if (tasks.contains(d.task())) {
        out.add(d);
      }
    }
    return out;
  }

  /** mBART-50 language tokens of every language of {@code corpus}, pivots included, in first-seen order. */
  public static List<String> languageTokens(List<DatasetSettings> corpus) {
    List<String> tokens = new ArrayList<>();
    for (DatasetSettings d : corpus) {
      List<String> codes = new ArrayList<>(d.parallelText().languages());
      codes.add(d.parallelText().pivot());
      for (String code : codes) {
        String token = Languages.of(code).mbart();
        if (!tokens.contains(token)) {
          tokens.add(token);
        }
      }
    }
    return tokens;
  }

  /**
   * The model with its vocabulary's corpus (the sweep datasets it reads) and their language tokens
   * spelled out; models without sequence-to-sequence settings unchanged.
   */
  public static ModelSettings withCorpus(Settings settings, ModelSettings model) {
    if (model.seq2seq() == null) {
      return model;
    }
    List<DatasetSettings> corpus = corpus(settings, model);
    return model.withSeq2seq(model.seq2seq().withCorpus(corpus.stream().map(DatasetSettings::name).toList(),
        languageTokens(corpus)));
  }

  /** The learned {@code tokenizer.json} of {@code model} (corpus resolved by {@link #withCorpus}). */
  public static String location(String warehouseRoot, ModelSettings model) {
    String root = warehouseRoot.endsWith("/") ? warehouseRoot : warehouseRoot + "/";
    return root + "vocabularies/" + model.name() + "-" + key(model) + "/tokenizer.json";
  }

  /** 16 hex digits of SHA-256 over the vocabulary size, the corpus datasets and their languages. */
  static String key(ModelSettings model) {
    if (model.seq2seq().vocabularyCorpus().isEmpty()) {
      throw new IllegalStateException("model " + model.name() + ": the vocabulary corpus is not resolved (no sweep"
          + " dataset of its tasks)");
    }
    TreeMap<String, Object> k = new TreeMap<>();
    k.put("vocab_size", model.seq2seq().vocabSize());
    k.put("datasets", model.seq2seq().vocabularyCorpus());
    k.put("languages", model.seq2seq().languageTokens());
    return org.smcbench.config.ContentKey.of(k);
  }

  /**
   * The model's learned {@code tokenizer.json}: read when it exists, else learned from the words of
   * {@code trainText} ({@code src} and {@code tgt} columns of the corpus' train splits) and written.
   */
  public static byte[] learnOrRead(Warehouse warehouse, ModelSettings model, Dataset<Row> trainText, PrintStream out) {
    String location = location(warehouse.root(), model);
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
      if (fs.exists(path)) {
        out.printf("vocabulary %-10s %s exists: reused%n", model.name(), location);
        try (InputStream in = fs.open(path)) {
          return in.readAllBytes();
        }
      }
      long started = System.nanoTime();
      Map<String, Long> counts = WordCounts.count(trainText, "src", "tgt");
      List<String> languages = model.seq2seq().languageTokens();
      BpeVocabulary vocabulary = BpeVocabulary.learn(counts, languages, model.seq2seq().vocabSize());
      byte[] json = TokenizerJsonWriter.toJson(vocabulary).getBytes(StandardCharsets.UTF_8);
      try (OutputStream o = fs.create(path, true)) {
        o.write(json);
      }
      Map<String, Object> provenance = new TreeMap<>();
      provenance.put("model", model.name());
      provenance.put("datasets", model.seq2seq().vocabularyCorpus());
      provenance.put("languages", languages);
      provenance.put("word_types", counts.size());
      provenance.put("vocab_size", vocabulary.size());
      provenance.put("created_ms", System.currentTimeMillis());
      try (OutputStream o = fs.create(new Path(path.getParent(), "provenance.json"), true)) {
        o.write(new GsonBuilder().setPrettyPrinting().create().toJson(provenance).getBytes(StandardCharsets.UTF_8));
      }
      out.printf("vocabulary %-10s learned %d tokens from %d word types in %.1f s -> %s%n", model.name(),
          vocabulary.size(), counts.size(), (System.nanoTime() - started) / 1e9, location);
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the vocabulary " + location, e);
    }
  }

  /** The model's learned {@code tokenizer.json}, which ingest wrote; fails naming the command to run. */
  public static byte[] read(Warehouse warehouse, ModelSettings model) {
    String location = location(warehouse.root(), model);
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new IllegalStateException("model " + model.name() + ": no learned vocabulary at " + location
            + ": run `smc-bench ingest` with the same configuration first");
      }
      try (InputStream in = fs.open(path)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the vocabulary " + location, e);
    }
  }
}
