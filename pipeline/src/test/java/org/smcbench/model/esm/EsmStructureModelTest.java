package org.smcbench.model.esm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.PrunableTensor;
import org.smcbench.train.AdamW;

class EsmStructureModelTest {
  private static final List<String> SEQUENCES = List.of("MKTAYIAKQR", "LLEGK");

  @TempDir
  Path dir;

  /**
   * {@link TinyEsm#batch} plus coords [B, T, 3] and coordMask [B, T]: residue r of sequence s at
   * {@code coords.get(s)[r]}, a null row meaning unresolved (NaN, mask 0); special tokens and
   * padding masked.
   */
  static NDList structureBatch(NDManager m, List<String> sequences, List<double[][]> coords) {
    NDList batch = TinyEsm.batch(m, sequences);
    int length = Math.toIntExact(batch.get(0).getShape().get(1));
    float[] xyz = new float[sequences.size() * length * 3];
    float[] mask = new float[sequences.size() * length];
    for (int s = 0; s < sequences.size(); s++) {
      for (int r = 0; r < sequences.get(s).length(); r++) {
        int token = s * length + r + 1; // after <cls>
        double[] point = coords.get(s)[r];
        mask[token] = point == null ? 0 : 1;
        for (int a = 0; a < 3; a++) {
          xyz[token * 3 + a] = point == null ? Float.NaN : (float) point[a];
        }
      }
    }
    batch.add(m.create(xyz, new Shape(sequences.size(), length, 3)));
    batch.add(m.create(mask, new Shape(sequences.size(), length)));
    return batch;
  }

  /** Cα trace of an α-helix: radius 2.3 Å, 100° and 1.5 Å rise per residue (i to i+1 ≈ 3.8 Å). */
  static double[][] helix(int residues, Random noise) {
    double[][] p = new double[residues][];
    for (int i = 0; i < residues; i++) {
      double angle = Math.toRadians(100 * i);
      p[i] = jitter(new double[] {2.3 * Math.cos(angle), 2.3 * Math.sin(angle), 1.5 * i}, noise);
    }
    return p;
  }

  /** Cα trace of an extended strand: 3.3 Å per residue along x, zig-zag of ±0.9 Å. */
  static double[][] strand(int residues, Random noise) {
    double[][] p = new double[residues][];
    for (int i = 0; i < residues; i++) {
      p[i] = jitter(new double[] {3.3 * i, i % 2 == 0 ? 0.9 : -0.9, 0}, noise);
    }
    return p;
  }

  private static double[] jitter(double[] point, Random noise) {
    for (int a = 0; a < 3; a++) {
      point[a] += 0.2 * noise.nextGaussian();
    }
    return point;
  }

  /** R p + t, R the rotation of a random unit quaternion. */
  private static double[][] moved(double[][] points, Random random, double[] t) {
    double[] q = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
    double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
    double w = q[0] / n;
    double x = q[1] / n;
    double y = q[2] / n;
    double z = q[3] / n;
    double[][] r = {
        {1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)},
        {2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)},
        {2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)}};
    double[][] out = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      if (points[i] == null) {
        continue;
      }
      out[i] = new double[3];
      for (int a = 0; a < 3; a++) {
        out[i][a] = t[a] + r[a][0] * points[i][0] + r[a][1] * points[i][1] + r[a][2] * points[i][2];
      }
    }
    return out;
  }

  private static List<double[][]> geometry(Random random) {
    double[][] first = helix(SEQUENCES.get(0).length(), random);
    first[4] = null; // an unresolved residue
    return List.of(first, strand(SEQUENCES.get(1).length(), random));
  }

  private static List<String> structureBiasNames(int layer) {
    String p = "encoder.layer." + layer + ".attention.structure_bias.";
    return List.of(p + "weight", p + "bias");
  }

  @Test
  void namesAreThePlainEncoderPlusStructureBiasAfterEachLayer() {
    EsmStructureModel model = new EsmStructureModel(TinyEsm.esm2(), 2, 1);
    List<String> expected = new ArrayList<>();
    List<String> plain = List.copyOf(new EsmPropertyModel(TinyEsm.esm2(), 2, 1).namedParameters().keySet());
    for (String name : plain) {
      expected.add(name);
      if (name.endsWith(".LayerNorm.bias") && !name.contains("attention")) { // a layer's last parameter
        expected.addAll(structureBiasNames(Integer.parseInt(name.split("\\.")[2])));
      }
    }
    assertEquals(expected, List.copyOf(model.namedParameters().keySet()));

    List<String> scope = model.prunableScope().stream().map(t -> t.name() + " " + t.kind() + " " + t.layer()).toList();
    for (int l = 0; l < TinyEsm.LAYERS; l++) {
      String ffnOut = "encoder.layer." + l + ".output.dense.weight FFN_OUT " + l;
      assertEquals(structureBiasNames(l).get(0) + " OTHER " + l, scope.get(scope.indexOf(ffnOut) + 1));
    }
    assertEquals("classifier.weight HEAD -1", scope.get(scope.size() - 1));
    assertEquals(new EsmPropertyModel(TinyEsm.esm2(), 2, 1).prunableScope().size() + TinyEsm.LAYERS, scope.size());
    for (PrunableTensor tensor : model.prunableScope()) {
      assertEquals(2, tensor.parameter().getShape().dimension(), tensor.name());
    }
  }

  @Test
  void predictionsIgnoreRotationAndTranslationButNotTheShape() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmStructureModel model = new EsmStructureModel(TinyEsm.esm2(), 3, 9);
      model.initializeParameters(m);
      TinyEsm.randomize(model.namedParameters(), 4, 0.5);
      ParameterStore ps = new ParameterStore(m, false);
      Random random = new Random(7);
      List<double[][]> coords = geometry(random);
      float[] original = predictions(model, ps, structureBatch(m, SEQUENCES, coords));
      List<double[][]> movedCoords = List.of(moved(coords.get(0), random, new double[] {12, -40, 7}),
          moved(coords.get(1), random, new double[] {-3, 5, 100}));
      float[] rigid = predictions(model, ps, structureBatch(m, SEQUENCES, movedCoords));
      assertArrayEquals(original, rigid, 1e-4f);
      for (float v : original) {
        assertFalse(Float.isNaN(v), "the unresolved residue's NaN coordinates are ignored");
      }

      // Swapping the folds changes the predictions: the geometry does reach them.
      List<double[][]> swapped = List.of(strand(SEQUENCES.get(0).length(), random),
          helix(SEQUENCES.get(1).length(), random));
      float[] other = predictions(model, ps, structureBatch(m, SEQUENCES, swapped));
      double change = 0;
      for (int i = 0; i < other.length; i++) {
        change += Math.abs(other[i] - original[i]);
      }
      assertTrue(change > 1e-2, "predictions moved by only " + change);
    }
  }

  @Test
  void withZeroStructureBiasItIsThePropertyModel() {
    for (EsmConfig config : List.of(TinyEsm.esm2(), TinyEsm.esm1b())) {
      try (NDManager m = NDManager.newBaseManager()) {
        EsmPropertyModel plain = new EsmPropertyModel(config, 3, 9);
        EsmStructureModel structured = new EsmStructureModel(config, 3, 9);
        plain.initializeParameters(m);
        structured.initializeParameters(m);
        Map<String, Parameter> target = structured.namedParameters();
        // The same seed gives shared parameters the same values.
        plain.namedParameters().forEach((name, p) ->
            assertArrayEquals(p.getArray().toFloatArray(), target.get(name).getArray().toFloatArray(), name));
        TinyEsm.randomize(plain.namedParameters(), 4, 0.5);
        plain.namedParameters().forEach((name, p) -> target.get(name).getArray().set(p.getArray().toFloatArray()));
        target.forEach((name, p) -> {
          if (StructureBias.isStructureBias(name)) {
            p.getArray().set(new float[Math.toIntExact(p.getArray().size())]);
          }
        });
        ParameterStore ps = new ParameterStore(m, false);
        NDList batch = structureBatch(m, SEQUENCES, geometry(new Random(2)));
        float[] expected = plain.forward(ps, batch.subNDList(0, 3), false).singletonOrThrow().toFloatArray();
        float[] actual = structured.forward(ps, batch, false).singletonOrThrow().toFloatArray();
        assertArrayEquals(expected, actual, 1e-5f, config.positions());
      }
    }
  }

  @Test
  void gradientsReachTheStructureBiasAndStayFiniteBesideUnresolvedResidues() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmStructureModel model = new EsmStructureModel(TinyEsm.esm2(), 2, 5);
      model.initializeParameters(m);
      NDList batch = structureBatch(m, SEQUENCES, geometry(new Random(3)));
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logits = model.forward(new ParameterStore(m, false), batch, true).singletonOrThrow();
        collector.backward(logits.get(":, 0").sum());
      }
      for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
        if (StructureBias.isStructureBias(e.getKey())) {
          try (NDArray gradient = e.getValue().getArray().getGradient()) {
            float total = gradient.abs().sum().getFloat();
            assertTrue(total > 0 && Float.isFinite(total), e.getKey() + " gradient " + total);
          }
        }
      }
    }
  }

  @Test
  void separatesOneSequenceFoldedTwoWays() {
    // Both classes share every residue sequence; only the geometry tells them apart, so a
    // sequence-only model gives each pair identical predictions.
    Random random = new Random(11);
    List<String> sequences = new ArrayList<>();
    List<double[][]> coords = new ArrayList<>();
    String residues = "LAGVSTIDPQNFYMHKE";
    for (int s = 0; s < 8; s++) {
      StringBuilder sb = new StringBuilder();
      int length = 8 + random.nextInt(5);
      for (int i = 0; i < length; i++) {
        sb.append(residues.charAt(random.nextInt(residues.length())));
      }
      for (int fold = 0; fold < 2; fold++) {
        sequences.add(sb.toString());
        double[][] trace = fold == 0 ? helix(length, random) : strand(length, random);
        coords.add(moved(trace, random, new double[] {random.nextGaussian() * 10, 0, random.nextGaussian() * 10}));
      }
    }
    int n = sequences.size();
    // One intra-op thread, as GtsOverfitTest: at this size two spinning OpenMP threads run ~30x
    // slower when other jobs load the two cores.
    Engine.getEngine("PyTorch"); // loads the natives JniUtils calls into
    int threads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    try (NDManager m = NDManager.newBaseManager();
        AdamW optimizer = AdamW.builder().weightDecay(0).build()) {
      // No dropout: the training pass is then the evaluation pass, and the run is deterministic.
      EsmStructureModel model = new EsmStructureModel(TinyEsm.esm2(), 2, 11);
      model.initializeParameters(m);
      ParameterStore ps = new ParameterStore(m, false);
      NDList batch = structureBatch(m, sequences, coords);
      float[] labels = new float[2 * n];
      for (int s = 0; s < n; s++) {
        labels[s * 2 + s % 2] = 1; // helix is class 0, strand class 1
      }
      NDArray oneHot = m.create(labels, new Shape(n, 2));
      double loss = Double.NaN;
      double initialLoss = Double.NaN;
      long[] predicted = new long[n];
      int steps = 0;
      // Checked before each update: full-batch Adam on a plateau-then-drop curve can overshoot.
      for (; steps < 200; steps++) {
        try (NDManager step = m.newSubManager();
            GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          step.tempAttachAll(batch, new NDList(oneHot)); // outputs land in (and close with) the step
          NDArray logits = model.forward(ps, batch, true).singletonOrThrow();
          NDArray l = crossEntropy(logits, oneHot);
          loss = l.getFloat();
          predicted = logits.argMax(1).toLongArray();
          if (steps == 0) {
            initialLoss = loss;
          }
          if (loss < 0.1 && allCorrect(predicted)) {
            break;
          }
          collector.backward(l);
        }
        optimizer.step(model.namedParameters(), 3e-3f);
      }
      assertTrue(initialLoss > 0.5, "an untrained head starts near ln 2, got " + initialLoss);
      for (int s = 0; s < n; s++) {
        assertEquals(s % 2, predicted[s], "sample " + s + " after " + steps + " steps");
      }
      assertTrue(loss < 0.1, "loss " + loss + " after " + steps + " steps");
    } finally {
      JniUtils.setNumThreads(threads);
    }
  }

  private static boolean allCorrect(long[] predicted) {
    for (int s = 0; s < predicted.length; s++) {
      if (predicted[s] != s % 2) {
        return false;
      }
    }
    return true;
  }

  @Test
  void plainEncoderCheckpointLoadsWithStructureBiasLeftAtItsInitialisation() {
    Path folder = dir.resolve("plain");
    try (NDManager m = NDManager.newBaseManager()) {
      EsmMaskedLm source = new EsmMaskedLm(TinyEsm.esm2(), 4);
      source.initializeParameters(m);
      TinyEsm.randomize(source.namedParameters(), 8, 0.3);
      HfEsmCheckpoint.write(folder, TinyEsm.esm2(), source.encoderParameters(), source.lmHeadParameters());
      HfEsmCheckpoint checkpoint = HfEsmCheckpoint.read(folder.toString(), new Configuration());

      EsmStructureModel fresh = new EsmStructureModel(checkpoint.config(), 2, 6);
      fresh.initializeParameters(m);
      // Loaded before initialisation (as the model family does) and after it.
      EsmStructureModel loadedFirst = new EsmStructureModel(checkpoint.config(), 2, 6);
      loadedFirst.loadEncoderWeights(checkpoint.encoderWeights(), m);
      loadedFirst.initializeParameters(m);
      EsmStructureModel initialisedFirst = new EsmStructureModel(checkpoint.config(), 2, 6);
      initialisedFirst.initializeParameters(m);
      initialisedFirst.loadEncoderWeights(checkpoint.encoderWeights(), m);

      for (EsmStructureModel model : List.of(loadedFirst, initialisedFirst)) {
        Map<String, Parameter> params = model.encoder().namedParameters();
        int structureBias = 0;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
          float[] actual = e.getValue().getArray().toFloatArray();
          if (StructureBias.isStructureBias(e.getKey())) {
            structureBias++;
            assertArrayEquals(fresh.namedParameters().get(e.getKey()).getArray().toFloatArray(), actual, e.getKey());
          } else {
            assertArrayEquals(source.encoderParameters().get(e.getKey()).getArray().toFloatArray(), actual, e.getKey());
          }
        }
        assertEquals(2 * TinyEsm.LAYERS, structureBias);
        assertEquals(source.encoderParameters().size() + structureBias, params.size());
      }
    }
  }

  @Test
  void ownEncoderCheckpointRestoresTheStructureBiasToo() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmStructureModel trained = new EsmStructureModel(TinyEsm.esm2(), 2, 1);
      trained.initializeParameters(m);
      TinyEsm.randomize(trained.namedParameters(), 3, 0.3);
      Map<String, FloatTensor> weights = tensors(trained.encoder().namedParameters());
      EsmStructureModel restored = new EsmStructureModel(TinyEsm.esm2(), 2, 2);
      restored.loadEncoderWeights(weights, m);
      restored.encoder().namedParameters().forEach((name, p) ->
          assertArrayEquals(weights.get(name).data(), p.getArray().toFloatArray(), name));
    }
  }

  @Test
  void missingAndUnexpectedKeysOtherThanStructureBiasStillFail() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmPropertyModel plain = new EsmPropertyModel(TinyEsm.esm2(), 2, 1);
      plain.initializeParameters(m);
      Map<String, FloatTensor> missing = tensors(plain.encoder().namedParameters());
      missing.remove("encoder.layer.1.attention.self.key.weight");
      EsmStructureModel model = new EsmStructureModel(TinyEsm.esm2(), 2, 1);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.loadEncoderWeights(missing, m));
      assertTrue(e.getMessage().contains("missing 1 [encoder.layer.1.attention.self.key.weight]"), e.getMessage());

      Map<String, FloatTensor> unexpected = tensors(plain.encoder().namedParameters());
      unexpected.put("encoder.layer.7.attention.structure_bias.weight",
          new FloatTensor(new long[] {2, 16}, new float[32]));
      unexpected.put("encoder.layer.0.attention.self.distance_embedding.weight",
          new FloatTensor(new long[] {3}, new float[3]));
      e = assertThrows(IllegalArgumentException.class, () -> model.loadEncoderWeights(unexpected, m));
      assertTrue(e.getMessage().contains("unexpected 2 [encoder.layer.7.attention.structure_bias.weight,"
          + " encoder.layer.0.attention.self.distance_embedding.weight]"), e.getMessage());
    }
  }

  @Test
  void coordinatesAreRequired() {
    try (NDManager m = NDManager.newBaseManager()) {
      EsmStructureModel model = new EsmStructureModel(TinyEsm.esm2(), 2, 1);
      model.initializeParameters(m);
      NDList sequenceOnly = TinyEsm.batch(m, SEQUENCES);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.forward(new ParameterStore(m, false), sequenceOnly, false));
      assertTrue(e.getMessage().contains("coords"), e.getMessage());
    }
  }

  private static LinkedHashMap<String, FloatTensor> tensors(Map<String, Parameter> parameters) {
    LinkedHashMap<String, FloatTensor> out = new LinkedHashMap<>();
    parameters.forEach((name, p) -> out.put(name, new FloatTensor(p.getArray().getShape().getShape(),
        p.getArray().toType(DataType.FLOAT32, false).toFloatArray())));
    return out;
  }

  private static float[] predictions(EsmStructureModel model, ParameterStore ps, NDList batch) {
    return model.forward(ps, batch, false).singletonOrThrow().toFloatArray();
  }

  private static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
    return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
  }
}
