package org.smcbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private File conf(String text) throws IOException {
    Path p = dir.resolve("test.conf");
    Files.writeString(p, text);
    return p.toFile();
  }

  @Test
  void defaultsBindToTypedSettings() {
    Settings s = ConfigLoader.load(null, List.of(), Map.of());
    assertEquals("../shared/data", s.dataRoot());
    assertEquals(List.of(0.2, 0.36, 0.488, 0.5904, 0.67232, 0.737856, 0.7902848), s.sweep().sparsities());
    TrainingSettings t = s.dataset("csqa").training();
    assertEquals(1e-5, t.learningRate());
    assertEquals(3000, t.steps());
    assertEquals(150, t.warmupSteps());
    assertEquals(16, t.batchSize());
    assertEquals("2", s.spark().conf().get("spark.task.cpus"));
  }

  @Test
  void layeringFileThenSetThenEnvironment() throws IOException {
    File f = conf("smc { training.steps = 100, training.warmup-steps = 10, warehouse.path = \"/from/file\", data.root = \"/file/data\" }");
    Settings s = ConfigLoader.load(f, List.of("training.steps=7", "training.warmup-steps=1", "smc.sweep.sparsities=[0.5]"),
        Map.of("SMC_DATA_ROOT", "/env/data"));
    assertEquals(7, s.dataset("csqa").training().steps());
    assertEquals(List.of(0.5), s.sweep().sparsities());
    assertEquals("/from/file", s.warehouse().path());
    assertEquals("/env/data", s.dataRoot());
  }

  @Test
  void datasetTrainingOverridesTheGlobalDefaults() {
    Settings s = ConfigLoader.load(null, List.of("datasets.csqa.training.steps=42", "datasets.csqa.training.warmup-steps=4", "training.batch-size=8"), Map.of());
    assertEquals(42, s.dataset("csqa").training().steps());
    assertEquals(8, s.dataset("csqa").training().batchSize());
  }

  @Test
  void unknownKeyNamesTheKeyAndTheFile() throws IOException {
    File f = conf("smc {\n  training {\n    learning-rat = 0.1\n  }\n}\n");
    ConfigError e = assertThrows(ConfigError.class, () -> ConfigLoader.load(f, List.of(), Map.of()));
    assertTrue(e.getMessage().contains("smc.training.learning-rat"), e.getMessage());
    assertTrue(e.getMessage().contains("test.conf") && e.getMessage().contains("3"), e.getMessage());
  }

  @Test
  void unknownKeyInANewDatasetIsRejectedButItsSplitsAreOpen() {
    Settings ok = ConfigLoader.load(null, List.of("datasets.mine.task=multiple-choice", "datasets.mine.reader=csqa",
        "datasets.mine.files.dev=x.jsonl", "datasets.mine.eval-split=dev", "datasets.mine.chance=0.25"), Map.of());
    assertEquals("x.jsonl", ok.dataset("mine").files().get("dev"));
    ConfigError e = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("datasets.mine.colour=red"), Map.of()));
    assertTrue(e.getMessage().contains("smc.datasets.mine.colour"), e.getMessage());
  }

  @Test
  void wrongTypeNamesTheKey() throws IOException {
    File f = conf("smc.training.steps = lots\n");
    ConfigError e = assertThrows(ConfigError.class, () -> ConfigLoader.load(f, List.of(), Map.of()));
    assertTrue(e.getMessage().contains("steps"), e.getMessage());
    assertTrue(e.getMessage().contains("test.conf"), e.getMessage());
  }

  @Test
  void impossibleValuesAreRejected() {
    ConfigError sparsity = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("sweep.sparsities=[0.5, 1.0]"), Map.of()));
    assertTrue(sparsity.getMessage().contains("smc.sweep.sparsities contains 1.0"), sparsity.getMessage());
    ConfigError empty = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("sweep.sparsities=[]"), Map.of()));
    assertTrue(empty.getMessage().contains("smc.sweep.sparsities is empty"), empty.getMessage());
    ConfigError seeds = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("sweep.seeds=[]"), Map.of()));
    assertTrue(seeds.getMessage().contains("smc.sweep.seeds is empty"), seeds.getMessage());
    ConfigError warmup = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("training.warmup-steps=5000"), Map.of()));
    assertTrue(warmup.getMessage().contains("warmup-steps"), warmup.getMessage());
    ConfigError selection = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("sweep.selection=median"), Map.of()));
    assertTrue(selection.getMessage().contains("smc.sweep.selection"), selection.getMessage());
  }

  @Test
  void methodSparsitiesReplaceTheSweepListForThatMethodOnly() {
    Settings s = ConfigLoader.load(null, List.of("sweep.methods=[dense, omp_after, gmp]",
        "sweep.sparsities=[0.36, 0.5904]", "sweep.method-sparsities.gmp=[0.5904]"), Map.of());
    assertEquals(List.of(0.5904), s.sweep().sparsitiesFor("gmp"));
    assertEquals(List.of(0.36, 0.5904), s.sweep().sparsitiesFor("omp_after"));
    // An entry for a method the sweep does not run is allowed (a --set may narrow sweep.methods).
    assertEquals(List.of(0.5), ConfigLoader.load(null,
        List.of("sweep.methods=[dense, omp_after]", "sweep.method-sparsities.gmp=[0.5]"), Map.of()).sweep()
        .sparsitiesFor("gmp"));
    ConfigError outOfRange = assertThrows(ConfigError.class, () -> ConfigLoader.load(null,
        List.of("sweep.methods=[dense, gmp]", "sweep.method-sparsities.gmp=[0]"), Map.of()));
    assertTrue(outOfRange.getMessage().contains("smc.sweep.method-sparsities.gmp contains 0.0"), outOfRange.getMessage());
  }

  @Test
  void unknownDatasetInTheSweepIsRejected() {
    ConfigError e = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("sweep.datasets=[csqa, nope]"), Map.of()));
    assertTrue(e.getMessage().contains("unknown dataset 'nope'"), e.getMessage());
  }

  @Test
  void missingConfFileIsAClearError() {
    ConfigError e = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(new File(dir.toFile(), "absent.conf"), List.of(), Map.of()));
    assertTrue(e.getMessage().contains("absent.conf"), e.getMessage());
  }

  @Test
  void credentialsAreMaskedWhenRendered() {
    Settings s = ConfigLoader.load(null,
        List.of("spark.conf.\"spark.hadoop.fs.s3a.secret.key\"=hunter2", "spark.conf.\"spark.hadoop.fs.s3a.access.key\"=AKIA1"),
        Map.of());
    String rendered = Secrets.render(s.resolved());
    assertFalse(rendered.contains("hunter2"), rendered);
    assertFalse(rendered.contains("AKIA1"), rendered);
    assertTrue(rendered.contains(Secrets.MASK));
    assertEquals("hunter2", s.spark().conf().get("spark.hadoop.fs.s3a.secret.key"));
  }

  @Test
  void s3aCredentialSettingsCountAsCredentials() {
    for (String key : List.of("spark.hadoop.fs.s3a.secret.key", "spark.hadoop.fs.s3a.access.key",
        "spark.hadoop.fs.s3a.session.token", "spark.hadoop.fs.s3a.bucket.b1.secret.key",
        "spark.hadoop.fs.s3a.encryption.key", "spark.hadoop.fs.s3a.server-side-encryption.key",
        "spark.hadoop.fs.azure.account.key.acct.dfs.core.windows.net")) {
      assertTrue(Secrets.isCredentialKey("smc.spark.conf.\"" + key + "\""), key);
    }
    assertFalse(Secrets.isCredentialKey("smc.spark.conf.\"spark.hadoop.fs.s3a.endpoint\""));
  }

  @Test
  void foldPlaceholderAndFoldListMustAgree() {
    Settings ok = ConfigLoader.load(null, List.of(), Map.of());
    assertEquals(List.of("0", "1", "2", "3", "4"), ok.dataset("mawps").folds());
    assertEquals("mawps/data/cv_mawps/fold3/dev.csv", ok.dataset("mawps").files("3").get("dev"));
    assertEquals(List.of(""), ok.dataset("svamp").folds());
    ConfigError noPlaceholder = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("datasets.mawps.files.dev=\"x.csv\""), Map.of()));
    assertTrue(noPlaceholder.getMessage().contains("smc.datasets.mawps.files.dev = 'x.csv'")
        && noPlaceholder.getMessage().contains("has no {fold}"), noPlaceholder.getMessage());
    ConfigError noFolds = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("datasets.mawps.folds=[]"), Map.of()));
    assertTrue(noFolds.getMessage().contains("folds is empty"), noFolds.getMessage());
  }

  @Test
  void treeDecoderKnobsAndEmbeddingSource() {
    Settings s = ConfigLoader.load(null, List.of("models.gts.embeddings-from=minilm", "models.gts.hidden-size=64"),
        Map.of());
    assertEquals(64, s.model("gts").hiddenSize());
    assertEquals("minilm", s.model("gts").embeddingSource().name());
    assertEquals(null, s.model("minilm").embeddingSource());
    ConfigError e = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("models.gts.embeddings-from=nobody"), Map.of()));
    assertTrue(e.getMessage().contains("embeddings-from names unknown model 'nobody'"), e.getMessage());
    // A tree-decoder key on an encoder entry is allowed (any model entry may use any model key);
    // a key no model declares is not.
    assertThrows(ConfigError.class, () -> ConfigLoader.load(null, List.of("models.gts.hiden-size=3"), Map.of()));
  }

  @Test
  void modelTrainingOverridesTheDatasetsAndParameterGroupsBind() {
    Settings s = ConfigLoader.load(null, List.of("models.graph2tree.training.learning-rate=8e-4",
        "models.graph2tree.training.learning-rates.embedding=1e-5",
        "datasets.mawps.training.learning-rates.\"encoder.gru\"=2e-3"), Map.of());
    TrainingSettings g2t = s.training("mawps", "graph2tree");
    assertEquals(8e-4, g2t.learningRate());
    assertEquals(4, g2t.batchSize()); // from the dataset
    assertEquals(1e-5, g2t.learningRateOf("embedding.embeddings.word_embeddings.weight"));
    assertEquals(8e-4, g2t.learningRateOf("decoder.predict.ops.weight"));
    TrainingSettings gts = s.training("mawps", "gts");
    assertEquals(1e-3, gts.learningRate());
    assertEquals(2e-3, gts.learningRateOf("encoder.gru.weight_ih_l0"));
    assertEquals(1e-3, gts.learningRateOf("encoder.embedding.weight"));
    ConfigError bad = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("training.learning-rates.embedding=fast"), Map.of()));
    assertTrue(bad.getMessage().contains("learning-rates.embedding must be a number"), bad.getMessage());
  }

  @Test
  void scopesAndScopeStudiesAreCheckedWhereTheyAreWritten() {
    ConfigError scope = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("sweep.scope=attention_x"), Map.of()));
    assertTrue(scope.getMessage().contains("smc.sweep.scope") && scope.getMessage().contains("attention_q"),
        scope.getMessage());
    ConfigError studyKey = assertThrows(ConfigError.class, () -> ConfigLoader.load(null,
        List.of("sweep.scope-studies=[{datasets=[csqa], methods=[omp_after], sparsities=[0.05], scopes=[ffn], rate=1}]"),
        Map.of()));
    assertTrue(studyKey.getMessage().contains("smc.sweep.scope-studies[0].rate"), studyKey.getMessage());
    ConfigError studyScope = assertThrows(ConfigError.class, () -> ConfigLoader.load(null,
        List.of("sweep.scope-studies=[{datasets=[csqa], methods=[omp_after], sparsities=[0.05], scopes=[qkv]}]"),
        Map.of()));
    assertTrue(studyScope.getMessage().contains("smc.sweep.scope-studies[0].scopes"), studyScope.getMessage());
    Settings s = ConfigLoader.load(null, List.of("sweep.dataset-scopes.csqa=\"attention_q+ffn\""), Map.of());
    assertEquals("attention_q+ffn", s.sweep().scopeFor("csqa"));
    assertEquals("all-matrices", s.sweep().scopeFor("race-m"));
  }

  @Test
  void classThresholdsMustAscendAndPretrainingNeedsItsBlock() {
    ConfigError thresholds = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("datasets.meltome-clustered-classes.class-thresholds=[55, 50]"), Map.of()));
    assertTrue(thresholds.getMessage().contains("class-thresholds must ascend"), thresholds.getMessage());
    Settings s = ConfigLoader.load(null, List.of(), Map.of());
    assertEquals(List.of(50.0, 55.0), s.dataset("meltome-clustered-classes").classThresholds());
    assertEquals(2000, s.model("esm-cpu").pretrain().steps());
    assertEquals(0.15, s.model("esm-cpu").pretrain().maskProbability());
    ConfigError mask = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, List.of("models.esm-cpu.pretrain.mask-probability=1.5"), Map.of()));
    assertTrue(mask.getMessage().contains("mask-probability"), mask.getMessage());
  }
}
