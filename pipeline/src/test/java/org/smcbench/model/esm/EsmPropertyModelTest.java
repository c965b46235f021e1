package org.smcbench.model.esm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smcbench.train.AdamW;

class EsmPropertyModelTest {

  @Test
  void headNamesAndShapes() {
    EsmPropertyModel model = new EsmPropertyModel(TinyEsm.esm2(), 3, 1);
    List<String> names = List.copyOf(model.namedParameters().keySet());
    assertEquals(List.of("classifier.weight", "classifier.bias"), names.subList(names.size() - 2, names.size()));
    assertEquals(new Shape(3, TinyEsm.H), model.namedParameters().get("classifier.weight").getShape());
    var scope = model.prunableScope();
    var last = scope.get(scope.size() - 1);
    assertEquals("classifier.weight HEAD -1", last.name() + " " + last.kind() + " " + last.layer());
  }

  @Test
  void predictionIsTheSameAloneOrPaddedBesideALongerSequence() {
    for (EsmConfig config : List.of(TinyEsm.esm2(), TinyEsm.esm1b())) {
      try (NDManager m = NDManager.newBaseManager()) {
        EsmPropertyModel model = new EsmPropertyModel(config, 3, 9);
        model.initializeParameters(m);
        TinyEsm.randomize(model.namedParameters(), 4, 0.5);
        ParameterStore ps = new ParameterStore(m, false);
        String shortSequence = "MKTAYIAKQR";
        float[] alone = model.forward(ps, TinyEsm.batch(m, List.of(shortSequence)), false)
            .singletonOrThrow().toFloatArray();
        float[] padded = model.forward(ps, TinyEsm.batch(m, List.of(shortSequence, "GSHMLEDPVAGKLLEEWSAFQ")), false)
            .singletonOrThrow().get(0).toFloatArray();
        assertArrayEquals(alone, padded, 1e-5f, config.positions());
        assertTrue(Math.abs(alone[0]) + Math.abs(alone[1]) + Math.abs(alone[2]) > 1e-2, "predictions are not trivial");
      }
    }
  }

  @Test
  void overfitsEightSequencesSeparableByComposition() {
    List<String> sequences = new ArrayList<>();
    Random random = new Random(3);
    String others = "LAGVSTIDPQNFYMH";
    for (int s = 0; s < 8; s++) {
      char dominant = s % 2 == 0 ? 'K' : 'E';
      StringBuilder sb = new StringBuilder();
      int length = 8 + random.nextInt(5);
      for (int i = 0; i < length; i++) {
        sb.append(random.nextDouble() < 0.6 ? dominant : others.charAt(random.nextInt(others.length())));
      }
      sequences.add(sb.toString());
    }
    try (NDManager m = NDManager.newBaseManager();
        AdamW optimizer = AdamW.builder().weightDecay(0).build()) {
      EsmPropertyModel model = new EsmPropertyModel(TinyEsm.esm2().withDropout(0.1), 2, 11);
      model.initializeParameters(m);
      ParameterStore ps = new ParameterStore(m, false);
      NDList batch = TinyEsm.batch(m, sequences);
      float[] labels = new float[16];
      for (int s = 0; s < 8; s++) {
        labels[s * 2 + s % 2] = 1; // K-rich is class 0, E-rich class 1
      }
      NDArray oneHot = m.create(labels, new Shape(8, 2));
      double loss = Double.NaN;
      double initialLoss = Double.NaN;
      int steps = 0;
      while (steps < 200 && !(loss < 0.05)) {
        try (NDManager step = m.newSubManager();
            GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          step.tempAttachAll(batch, new NDList(oneHot)); // outputs land in (and close with) the step
          NDArray logits = model.forward(ps, batch, true).singletonOrThrow();
          NDArray l = crossEntropy(logits, oneHot);
          loss = l.getFloat();
          collector.backward(l);
        }
        if (steps == 0) {
          initialLoss = loss;
        }
        optimizer.step(model.namedParameters(), 3e-3f);
        steps++;
      }
      assertTrue(initialLoss > 0.5, "an untrained head starts near ln 2, got " + initialLoss);
      NDArray logits = model.forward(ps, batch, false).singletonOrThrow();
      double evalLoss = crossEntropy(logits, oneHot).getFloat();
      long[] predicted = logits.argMax(1).toLongArray();
      for (int s = 0; s < 8; s++) {
        assertEquals(s % 2, predicted[s], "sequence " + s + " after " + steps + " steps");
      }
      assertTrue(evalLoss < 0.1, "loss " + evalLoss + " after " + steps + " steps");
    }
  }

  private static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
    return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
  }
}
