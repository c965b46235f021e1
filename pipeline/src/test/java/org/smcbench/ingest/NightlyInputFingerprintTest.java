package org.smcbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.config.ConfigError;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import org.smcbench.data.DataPaths;
import org.smcbench.testing.CsqaFixture;

/** The ingest skip's fingerprint: content and ingest settings count, modification times and other settings do not. */
class NightlyInputFingerprintTest {
  @TempDir
  Path dir;

  private final Configuration hadoop = new Configuration();
  private Path data;

  @BeforeEach
  void data() throws Exception {
    data = dir.resolve("data");
    CsqaFixture.write(data, 8, 4);
  }

  private InputFingerprint fingerprint(String... sets) {
    List<String> all = new java.util.ArrayList<>(List.of("data.root=\"" + data + "\""));
    all.addAll(List.of(sets));
    Settings s = ConfigLoader.load(null, all, Map.of());
    return InputFingerprint.of(s, s.dataset("csqa"), new DataPaths(s.dataRoot(), hadoop), hadoop);
  }

  @Test
  void countsEveryFileOfTheDatasetAndIsStable() throws Exception {
    InputFingerprint f = fingerprint();
    long bytes = 0;
    try (var files = Files.list(data.resolve("csqa"))) {
      for (Path p : files.toList()) {
        bytes += Files.size(p);
      }
    }
    assertEquals(3, f.files());
    assertEquals(bytes, f.bytes());
    assertEquals(f, fingerprint());
    assertEquals(32, f.inputHash().length());
  }

  @Test
  void aTouchedFileWithTheSameBytesIsUnchanged() throws Exception {
    InputFingerprint before = fingerprint();
    Path dev = data.resolve("csqa/dev_rand_split.jsonl");
    Files.setLastModifiedTime(dev, FileTime.fromMillis(Files.getLastModifiedTime(dev).toMillis() + 3_600_000));
    assertEquals(before.inputHash(), fingerprint().inputHash());
  }

  @Test
  void changedBytesOfTheSameLengthAreAChange() throws Exception {
    InputFingerprint before = fingerprint();
    Path dev = data.resolve("csqa/dev_rand_split.jsonl");
    String text = Files.readString(dev);
    // Same length, same modification time: only the content tells.
    FileTime mtime = Files.getLastModifiedTime(dev);
    Files.writeString(dev, text.replaceFirst("horse", "zebra"), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(dev, mtime);
    InputFingerprint after = fingerprint();
    assertEquals(before.bytes(), after.bytes());
    assertNotEquals(before.filesHash(), after.filesHash());
    assertEquals(before.settingsHash(), after.settingsHash());
    assertNotEquals(before.inputHash(), after.inputHash());
  }

  @Test
  void anAppendedLineIsAChange() throws Exception {
    InputFingerprint before = fingerprint();
    Files.writeString(data.resolve("csqa/train_rand_split.jsonl"), CsqaFixture.question("extra", 1, true) + "\n",
        StandardOpenOption.APPEND);
    assertNotEquals(before.inputHash(), fingerprint().inputHash());
  }

  @Test
  void ingestSettingsCountTrainingSettingsDoNot() {
    InputFingerprint base = fingerprint();
    assertNotEquals(base.settingsHash(), fingerprint("ingest.shards=3").settingsHash());
    // Another tokenizer for the same files: a second model of the task is new rows.
    assertNotEquals(base.settingsHash(), fingerprint("sweep.models=[minilm, bge-small]").settingsHash());
    assertEquals(base.inputHash(), fingerprint("training.learning-rate=3e-5", "sweep.sparsities=[0.3]").inputHash());
    assertEquals(base.filesHash(), fingerprint("ingest.shards=3").filesHash());
  }

  @Test
  void aMissingFileNamesItsKey() throws Exception {
    Files.delete(data.resolve("csqa/dev_rand_split.jsonl"));
    ConfigError e = assertThrows(ConfigError.class, this::fingerprint);
    assertTrue(e.getMessage().startsWith("smc.datasets.csqa.files.dev = "), e.getMessage());
  }
}
