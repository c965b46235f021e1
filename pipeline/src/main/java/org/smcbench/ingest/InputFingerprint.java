package org.smcbench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.smcbench.config.ContentKey;
import org.smcbench.config.DatasetSettings;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.Settings;
import org.smcbench.data.DataPaths;
import org.smcbench.model.ModelFamilies;
import org.smcbench.task.mc.MultipleChoiceTask;
import org.smcbench.task.translation.TranslationTask;

/**
 * What one dataset's ingest reads, as hashes: {@code filesHash} over every file it names (each
 * fold's, folders listed recursively) — the path relative to the data root, the length and the
 * content — and {@code settingsHash} over the settings the ingest applies to them (reader, task,
 * file map, folds, class thresholds, languages, shards and, where ingest tokenizes per model, each
 * model's tokenizer identity). When both equal what the last ingest recorded, ingesting again
 * would write the same rows.
 *
 * <p>Content is the file system's own checksum where it has one (HDFS's MD5 of CRCs; S3A's ETag
 * when {@code fs.s3a.etag.checksum.enabled}), else SHA-256 of the bytes, read through the Hadoop
 * FileSystem. Not modification times: copies (s3 sync, a fresh checkout, DBFS uploads) reset them,
 * and a rewrite within the clock's granularity keeps them.
 */
public record InputFingerprint(String dataset, String filesHash, String settingsHash, int files, long bytes) {

  /** One value for both parts: what {@code smc.ingest_state} compares. */
  public String inputHash() {
    return sha256(filesHash + "|" + settingsHash).substring(0, 32);
  }

  public static InputFingerprint of(Settings settings, DatasetSettings dataset, DataPaths paths, Configuration hadoop) {
    TreeMap<String, FileStatus> files = new TreeMap<>();
    for (String fold : dataset.folds()) {
      for (Map.Entry<String, String> e : dataset.files(fold).entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        String key = "smc.datasets." + dataset.name() + ".files." + e.getKey()
            + (fold.isEmpty() ? "" : " (fold " + fold + ")");
        collect(new Path(paths.require(e.getValue(), key)), hadoop, files);
      }
    }
    MessageDigest digest = newDigest();
    long bytes = 0;
    String root = new Path(paths.root()).toUri().getPath();
    for (Map.Entry<String, FileStatus> f : files.entrySet()) {
      String relative = relative(root, f.getValue().getPath().toUri().getPath());
      digest.update((relative + "\u0000" + f.getValue().getLen() + "\u0000" + content(f.getValue(), hadoop) + "\n")
          .getBytes(StandardCharsets.UTF_8));
      bytes += f.getValue().getLen();
    }
    return new InputFingerprint(dataset.name(), HexFormat.of().formatHex(digest.digest()).substring(0, 32),
        settingsHash(settings, dataset), files.size(), bytes);
  }

  /** The ingest settings of a dataset, as a {@link ContentKey}. */
  static String settingsHash(Settings settings, DatasetSettings dataset) {
    TreeMap<String, Object> key = new TreeMap<>();
    key.put("task", dataset.task());
    key.put("reader", dataset.reader());
    key.put("files", new TreeMap<>(dataset.files()));
    key.put("folds", dataset.folds());
    key.put("class_thresholds", dataset.classThresholds());
    key.put("parallel_text", String.valueOf(dataset.parallelText()));
    key.put("shards", settings.ingestShards());
    if (dataset.task().equals(MultipleChoiceTask.NAME) || dataset.task().equals(TranslationTask.NAME)) {
      // These rows are tokenized once per sweep model of the task: a new model is new rows.
      List<String> tokenizers = new ArrayList<>();
      for (String name : settings.sweep().models()) {
        ModelSettings model = org.smcbench.pretrain.PretrainedCheckpoints.withCorpus(settings, settings.model(name));
        if (ModelFamilies.get(model.family()).tasks().contains(dataset.task())) {
          tokenizers.add(tokenizerIdentity(model));
        }
      }
      key.put("tokenizers", tokenizers);
    }
    return ContentKey.of(key);
  }

  private static String tokenizerIdentity(ModelSettings m) {
    String seq2seq = m.seq2seq() == null ? "" : m.seq2seq().vocabSize() + "|" + m.seq2seq().tokenizerPath() + "|"
        + m.seq2seq().vocabularyCorpus() + "|" + m.seq2seq().languageTokens();
    return m.name() + "|" + m.family() + "|" + m.checkpointFormat() + "|" + m.checkpointPath() + "|" + seq2seq;
  }

  private static void collect(Path path, Configuration hadoop, TreeMap<String, FileStatus> into) {
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      FileStatus status = fs.getFileStatus(path);
      if (status.isFile()) {
        into.put(status.getPath().toString(), status);
        return;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        into.put(f.getPath().toString(), f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + " to fingerprint it", e);
    }
  }

  /** The file system's checksum when it has one, else SHA-256 of the bytes; prefixed by its algorithm. */
  private static String content(FileStatus file, Configuration hadoop) {
    Path path = file.getPath();
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      FileChecksum checksum = fs.getFileChecksum(path);
      if (checksum != null) {
        return checksum.getAlgorithmName() + ":" + HexFormat.of().formatHex(checksum.getBytes());
      }
      MessageDigest digest = newDigest();
      byte[] buffer = new byte[1 << 16];
      try (InputStream in = fs.open(path)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      return "SHA-256:" + HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " to fingerprint it", e);
    }
  }

  private static String relative(String root, String path) {
    String prefix = root.endsWith("/") ? root : root + "/";
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static String sha256(String text) {
    return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
