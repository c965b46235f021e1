package org.smcbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.sweep.SweepPlanner;

/** Every file in conf/ loads, validates and expands to the grid its comment promises. */
class ShippedConfigsTest {
  private static List<RunSpec> expand(String name) {
    File conf = new File(System.getProperty("smc.project.root", ".."), "conf/" + name);
    return SweepPlanner.expand(ConfigLoader.load(conf, List.of(), Map.of()));
  }

  @Test
  void quickstartRunsOneMethodOfEachTiming() {
    List<RunSpec> specs = expand("quickstart.conf");
    assertEquals(6, specs.size());
    assertEquals(List.of("dense", "omp_after", "omp_after", "random_after", "snip", "gmp"),
        specs.stream().map(RunSpec::method).toList());
    assertEquals(120, specs.get(0).training().steps());
  }

  @Test
  void methodsSharesTheQuickstartsRuns() {
    List<RunSpec> methods = expand("methods.conf");
    // dense + 10 sparse methods at 2 sparsities.
    assertEquals(21, methods.size());
    List<String> keys = methods.stream().map(RunSpec::runKey).toList();
    for (RunSpec quick : expand("quickstart.conf")) {
      assertEquals(true, keys.contains(quick.runKey()), quick.method() + " " + quick.targetSparsity());
    }
  }

  @Test
  void recipesRunTheFig9RoadmapInObertsScopeFromTheSharedDenseRun() {
    List<RunSpec> recipes = expand("recipes.conf");
    // dense + 4 iterative methods at 2 grid points; each method is one launched run of 4 rounds.
    assertEquals(9, recipes.size());
    List<RunSpec> launched = org.smcbench.sweep.SweepPlanner.collapseRounds(recipes, recipes);
    assertEquals(List.of("dense", "lth", "lth_lrr", "lth_lrr_kd", "obert_lrr_kd"),
        launched.stream().map(RunSpec::method).toList());
    assertEquals(17, launched.stream().mapToInt(org.smcbench.sweep.SweepPlanner::outcomesOf).sum());
    for (RunSpec r : recipes) {
      if (!r.isDense()) {
        assertEquals("no-embeddings-heads", r.scope(), r.method());
      }
    }
    assertEquals(expand("methods.conf").get(0).runKey(), recipes.get(0).runKey(), "the dense run is shared");
  }

  @Test
  void beyondRunsTheNewMethodsBesideTheQuickstartsOmp() {
    List<RunSpec> beyond = expand("beyond.conf");
    // dense + 6 methods at 2 sparsities
    assertEquals(13, beyond.size());
    List<String> keys = beyond.stream().map(RunSpec::runKey).toList();
    List<RunSpec> shared = expand("quickstart.conf").stream().filter(r -> keys.contains(r.runKey())).toList();
    assertEquals(List.of("dense", "omp_after", "omp_after"), shared.stream().map(RunSpec::method).toList());
    assertEquals(List.of("wanda", "wanda_no_retrain", "sparsegpt", "sparsegpt_no_retrain", "movement"), beyond.stream()
        .map(RunSpec::method).filter(m -> !m.equals("dense") && !m.equals("omp_after")).distinct().toList());
  }

  @Test
  void commonsenseAndClusterCoverTheFourDatasets() {
    List<RunSpec> commonsense = expand("commonsense.conf");
    assertEquals(8, commonsense.size());
    assertEquals(List.of("csqa", "race-m", "race-h", "winogrande"),
        commonsense.stream().map(RunSpec::dataset).distinct().toList());
    List<RunSpec> cluster = expand("cluster.conf").stream().filter(r -> r.model().name().equals("roberta-large"))
        .toList();
    // 4 datasets x 3 seeds x (dense + 2 methods x 7 sparsities).
    assertEquals(4 * 3 * (1 + 2 * 7), cluster.size());
    RunSpec wino = cluster.stream().filter(r -> r.dataset().equals("winogrande")).findFirst().orElseThrow();
    assertEquals(23750, wino.training().steps());
    assertEquals(2375, wino.training().warmupSteps());
    assertEquals("hf-safetensors", wino.model().checkpointFormat());
    assertEquals(512, wino.model().maxSeqLen());
  }

  @Test
  void arithmeticRunsTenTrainingsAndClusterTheFullFoldGrid() {
    List<RunSpec> arithmetic = expand("arithmetic.conf");
    // dense GTS and Graph2Tree on 3 datasets + GTS on MAWPS with OMP (After) and SNIP at 2 sparsities.
    assertEquals(10, arithmetic.size());
    assertEquals(4, arithmetic.stream().filter(r -> !r.isDense()).filter(r -> r.dataset().equals("mawps")
        && r.model().name().equals("gts")).count());
    assertEquals(List.of("0", ""), arithmetic.stream().map(RunSpec::fold).distinct().toList());
    assertEquals("minilm", arithmetic.get(0).model().embeddingSource().name());

    List<RunSpec> cluster = expand("cluster.conf").stream().filter(r -> r.task().equals("math-word-problem")).toList();
    // (5 + 5 + 1 folds) x 2 models x 3 seeds x (dense + 2 methods x 7 sparsities)
    assertEquals(11 * 2 * 3 * 15, cluster.size());
    RunSpec g2t = cluster.stream().filter(r -> r.model().name().equals("graph2tree") && r.dataset().equals("svamp"))
        .findFirst().orElseThrow();
    assertEquals(8e-4, g2t.training().learningRate());
    assertEquals(1e-5, g2t.training().learningRateOf("embedding.encoder.layer.0.attention.self.query.weight"));
    assertEquals(8, g2t.training().batchSize());
    assertEquals(384, g2t.model().hiddenSize());
    assertEquals(true, g2t.model().embedsWithEncoder());
    RunSpec gts = cluster.stream().filter(r -> r.model().name().equals("gts") && r.dataset().equals("mawps"))
        .findFirst().orElseThrow();
    assertEquals(1e-3, gts.training().learningRate());
    assertEquals(8e-6, gts.training().learningRateOf("embedding.embeddings.word_embeddings.weight"));
    assertEquals(4, gts.training().batchSize());
    assertEquals(1e-5, gts.training().weightDecay());
  }

  @Test
  void proteinRunsFifteenFineTuningsAndClusterTheTable1Study() {
    List<RunSpec> protein = expand("protein.conf");
    // HP-S2C2 fold 0: dense + 2 methods x 2 sparsities + 5 module-study runs; Meltome: dense + 4.
    assertEquals(15, protein.size());
    assertEquals(List.of("attention-ffn"), protein.stream().filter(r -> !r.isDense() && r.targetSparsity() > 0.1)
        .map(RunSpec::scope).distinct().toList());
    assertEquals(List.of("attention_q", "attention_k", "attention_v", "attention_o", "ffn"), protein.stream()
        .filter(r -> r.targetSparsity() == 0.05).map(RunSpec::scope).toList());
    // The pre-training corpus is spelled out in the model, so it is part of every run key.
    assertEquals(List.of("hp-s2c2/0", "meltome-clustered"), protein.get(0).model().pretrain().datasets());

    List<RunSpec> cluster = expand("cluster.conf").stream().filter(r -> r.model().name().equals("esm1b")).toList();
    // (10 HP-S2C2 folds + 2 Meltome tasks) x 3 seeds x (dense + 2 x 7) + 10 folds x 3 seeds x 5 study runs
    assertEquals(12 * 3 * 15 + 10 * 3 * 5, cluster.size());
    RunSpec hp = cluster.stream().filter(r -> r.dataset().equals("hp-s2c2") && !r.isDense()).findFirst().orElseThrow();
    assertEquals(1e-6, hp.training().learningRate());
    assertEquals(2e-2, hp.training().learningRateOf("classifier.weight"));
    assertEquals(3, hp.training().batchSize());
    assertEquals("attention-ffn", hp.scope());
    RunSpec meltome = cluster.stream().filter(r -> r.dataset().equals("meltome-clustered")).findFirst().orElseThrow();
    assertEquals(2, meltome.training().batchSize());

    // TAPE runs the same grid and study as ESM-1b, with Table 5's TAPE rates over the datasets' batches.
    List<RunSpec> tape = expand("cluster.conf").stream().filter(r -> r.model().name().equals("tape-base")).toList();
    assertEquals(12 * 3 * 15 + 10 * 3 * 5, tape.size());
    RunSpec tapeHp = tape.stream().filter(r -> r.dataset().equals("hp-s2c2") && !r.isDense()).findFirst().orElseThrow();
    assertEquals(1e-4, tapeHp.training().learningRate());
    assertEquals(1e-4, tapeHp.training().learningRateOf("classifier.weight"));
    assertEquals("linear", tapeHp.training().schedule());
    assertEquals(100, tapeHp.training().warmupSteps());
    assertEquals(3, tapeHp.training().batchSize());
    assertEquals(2358, tapeHp.training().steps());
    assertEquals("attention-ffn", tapeHp.scope());
    assertEquals("tape", tapeHp.model().family());
    assertEquals("hf-safetensors", tapeHp.model().checkpointFormat());
  }

  @Test
  void translationRunsThreeFineTuningsAndClusterTheThreeGroupsWithMbart50() {
    List<RunSpec> translation = expand("translation.conf");
    assertEquals(List.of("dense", "omp_after", "omp_after"), translation.stream().map(RunSpec::method).toList());
    assertEquals("linear", translation.get(0).training().schedule());
    assertEquals(1000, translation.get(0).training().steps());

    List<RunSpec> cluster = expand("cluster.conf").stream().filter(r -> r.model().name().equals("mbart-large-50"))
        .toList();
    // 3 language groups x 3 seeds x (dense + 2 methods x 7 sparsities)
    assertEquals(3 * 3 * 15, cluster.size());
    RunSpec five = cluster.stream().filter(r -> r.dataset().equals("translation-5to5")).findFirst().orElseThrow();
    assertEquals(32, five.training().batchSize());
    assertEquals(3e-5, five.training().learningRate());
    assertEquals(40000, five.training().steps());
    assertEquals(2500, five.training().warmupSteps());
    assertEquals("inverse-sqrt", five.training().schedule());
    assertEquals(0.3, five.model().dropout());
    assertEquals(0.2, five.model().seq2seq().labelSmoothing());
    assertEquals("hf-safetensors", five.model().checkpointFormat());
    // mBART-50's own tokenizer.json, beside its weights; the CPU setting learns one from the text.
    assertEquals(false, five.model().learnsVocabulary());
    assertEquals(true, translation.get(0).model().learnsVocabulary());
    RunSpec two = cluster.stream().filter(r -> r.dataset().equals("translation-2to2")).findFirst().orElseThrow();
    assertEquals(16, two.training().batchSize());
  }
}
