package org.smcbench.model.gts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.task.Batch;
import org.smcbench.task.mwp.MwpData;
import org.smcbench.task.mwp.MwpFixture;
import org.smcbench.task.mwp.MwpTask;
import org.smcbench.train.NoGrad;

/** Parameter names, shapes, the prunable scope, gradients, and batching invariance of the loss. */
class GtsModelTest {
  private static final ModelSettings G2T = new ModelSettings("g2t", "graph2tree", "", "", 0, 0, 0.0, "");
  private static final MwpData DATA = MwpFixture.data();
  private static final GtsConfig CONFIG = GtsConfig.forData(DATA, 24, 32, 0.0);

  @Test
  void parametersAreNamedAndShapedAsInGts() {
    GtsModel model = new GtsModel(CONFIG, 1);
    Map<String, Parameter> named = model.namedParameters();
    List<String> expected = new ArrayList<>(List.of("encoder.embedding.weight"));
    for (int layer = 0; layer < 2; layer++) {
      for (String d : List.of("", "_reverse")) {
        for (String kind : List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh")) {
          expected.add("encoder.gru." + kind + "_l" + layer + d);
        }
      }
    }
    expected.addAll(List.of("decoder.predict.constants.weight",
        "decoder.predict.concat_l.weight", "decoder.predict.concat_l.bias",
        "decoder.predict.concat_lg.weight", "decoder.predict.concat_lg.bias",
        "decoder.predict.concat_r.weight", "decoder.predict.concat_r.bias",
        "decoder.predict.concat_rg.weight", "decoder.predict.concat_rg.bias",
        "decoder.predict.attn.goal.weight", "decoder.predict.attn.memory.weight", "decoder.predict.attn.bias",
        "decoder.predict.attn.score.weight",
        "decoder.predict.score.leaf.weight", "decoder.predict.score.candidate.weight", "decoder.predict.score.bias",
        "decoder.predict.score.score.weight",
        "decoder.predict.ops.weight", "decoder.predict.ops.bias",
        "decoder.generate.embedding.weight",
        "decoder.generate.generate_l.weight", "decoder.generate.generate_l.bias",
        "decoder.generate.generate_lg.weight", "decoder.generate.generate_lg.bias",
        "decoder.generate.generate_r.weight", "decoder.generate.generate_r.bias",
        "decoder.generate.generate_rg.weight", "decoder.generate.generate_rg.bias",
        "decoder.merge.merge.weight", "decoder.merge.merge.bias",
        "decoder.merge.merge_g.weight", "decoder.merge.merge_g.bias"));
    assertEquals(expected, List.copyOf(named.keySet()));
    int v = DATA.words().size();
    assertEquals(new Shape(v, 24), named.get("encoder.embedding.weight").getShape());
    assertEquals(new Shape(96, 24), named.get("encoder.gru.weight_ih_l0").getShape());
    assertEquals(new Shape(96, 64), named.get("encoder.gru.weight_ih_l1_reverse").getShape());
    assertEquals(new Shape(96, 32), named.get("encoder.gru.weight_hh_l1").getShape());
    assertEquals(new Shape(1, 32), named.get("decoder.predict.constants.weight").getShape());
    assertEquals(new Shape(4, 64), named.get("decoder.predict.ops.weight").getShape());
    assertEquals(new Shape(4, 24), named.get("decoder.generate.embedding.weight").getShape());
    assertEquals(new Shape(32, 88), named.get("decoder.generate.generate_r.weight").getShape());
    assertEquals(new Shape(32, 88), named.get("decoder.merge.merge_g.weight").getShape());
  }

  @Test
  void prunableScopeIsEveryWeightMatrixWithKindAndLayer() {
    GtsModel model = new GtsModel(CONFIG, 1);
    List<PrunableTensor> scope = model.prunableScope();
    List<String> matrices = model.namedParameters().entrySet().stream()
        .filter(e -> e.getValue().getShape().dimension() == 2).map(Map.Entry::getKey).sorted().toList();
    assertEquals(matrices, scope.stream().map(PrunableTensor::name).sorted().toList(), "every matrix, nothing else");
    List<String> described = scope.stream().map(t -> t.name() + " " + t.kind().label() + " " + t.layer()).toList();
    assertEquals("encoder.embedding.weight embedding -1", described.get(0));
    assertTrue(described.contains("encoder.gru.weight_ih_l0 gru 0"));
    assertTrue(described.contains("encoder.gru.weight_hh_l1_reverse gru 1"));
    assertTrue(described.contains("decoder.predict.constants.weight embedding -1"));
    assertTrue(described.contains("decoder.generate.embedding.weight embedding -1"));
    assertTrue(described.contains("decoder.predict.ops.weight tree_decoder -1"));
    assertTrue(described.contains("decoder.merge.merge_g.weight tree_decoder -1"));
    assertEquals(1 + 8 + 12 + 5 + 2, scope.size());
  }

  /** GTS, and Graph2Tree (its batches carry the quantity graphs; its graph module must get gradients too). */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void oneBackwardReachesEveryPrunableTensor(boolean graph) {
    ModelSettings settings = graph ? G2T : null;
    try (NDManager manager = NDManager.newBaseManager()) {
      GtsModel model = new GtsModel(CONFIG.withDropout(0.5), 3, graph);
      model.initializeParameters(manager);
      ParameterStore store = new ParameterStore(manager, false);
      int[] all = new int[DATA.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      try (NDManager step = manager.newSubManager()) {
        Batch batch = new MwpTask().batch(DATA, all, settings, step);
        float loss;
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
          NDArray l = new MwpTask().loss(model.forward(store, batch.inputs(), true), batch.labels());
          assertEquals(new Shape(), l.getShape());
          loss = l.getFloat();
          collector.backward(l);
        }
        // mean −log p of GTS's untrained scores: well above 0, within a few nats of log(V)
        assertTrue(loss > 0.5 && loss < 3 * Math.log(CONFIG.outputSize()) + 5, "initial loss " + loss);
        assertEquals(graph, model.prunableScope().stream().anyMatch(t -> t.kind() == ModuleKind.GRAPH));
        for (PrunableTensor t : model.prunableScope()) {
          NDArray g = t.array().getGradient();
          float norm = g.abs().sum().getFloat();
          g.close();
          assertTrue(norm > 0, "no gradient reached " + t.name());
        }
      }
    }
  }

  /**
   * Padding must not change anything: each problem's loss in a padded batch of mixed lengths equals
   * its loss alone (exercises the within-length reversal of the backward GRU and the masks).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void batchedLossEqualsPerProblemLosses(boolean graph) {
    ModelSettings settings = graph ? G2T : null;
    try (NDManager manager = NDManager.newBaseManager(); NoGrad ignored = NoGrad.enter()) {
      GtsModel model = new GtsModel(CONFIG, 5, graph);
      model.initializeParameters(manager);
      ParameterStore store = new ParameterStore(manager, false);
      MwpTask task = new MwpTask();
      int[] mixed = {0, 9, 12, 17, 13};
      double weighted = 0;
      int tokens = 0;
      for (int i : mixed) {
        Batch alone = task.batch(DATA, new int[] {i}, settings, manager);
        int n = DATA.targets()[i].length;
        weighted += model.loss(store, alone.inputs(), false).getFloat() * n;
        tokens += n;
      }
      Batch batch = task.batch(DATA, mixed, settings, manager);
      assertEquals(weighted / tokens, model.loss(store, batch.inputs(), false).getFloat(), 1e-5);
    }
  }

  @Test
  void defaultCpuSizeParameterCount() {
    // Math23K-like vocabulary: 4,000 words, + - * / ^, constants 1 and 3.14, 15 quantity slots
    GtsConfig cpu = new GtsConfig(4000, GtsConfig.CPU_EMBEDDING, GtsConfig.CPU_HIDDEN, 2, 5, 2, 15, 0.5, 5, 45);
    long count = new GtsModel(cpu, 0).parameterCount();
    long h = 256;
    long e = 128;
    long gru = 2 * (3 * h * e + 3 * h * h + 6 * h) + 2 * (3 * h * 2 * h + 3 * h * h + 6 * h);
    long predict = 2 * h + 2 * (h * h + h) + 2 * (2 * h * h + h) + 2 * h * h + h + h + 3 * h * h + h + h
        + 5 * 2 * h + 5;
    long generate = 5 * e + 4 * ((2 * h + e) * h + h);
    long merge = 2 * ((2 * h + e) * h + h);
    assertEquals(4000 * e + gru + predict + generate + merge, count);
    System.out.println("GTS default CPU size (V 4000, E 128, H 256): " + count + " parameters");
  }
}
