package org.smcbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smcbench.model.TrainableModel;
import org.smcbench.task.Batch;
import org.smcbench.task.mc.MultipleChoiceTask;

/**
 * The distillation loss on two rows of three choices, against values worked out by hand
 * (softmax and logs in double precision, written down as literals):
 * student [[1, 2, 0.5], [0, −1, 3]], teacher [[2, 1, 0], [0.5, 0.5, 1]], labels [1, 2], T = 2:
 * KL(softmax(teacher/2) ‖ softmax(student/2)) averaged over rows = 0.19271401319643053,
 * CE(student, labels) = 0.26512634393268697.
 */
class DistillationLossTest {
  private static final float[] STUDENT = {1f, 2f, 0.5f, 0f, -1f, 3f};
  private static final float[] TEACHER = {2f, 1f, 0f, 0.5f, 0.5f, 1f};
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** A teacher that puts out fixed logits whatever the inputs. */
  private TrainableModel teacher(float[] logits) {
    return new TrainableModel() {
      @Override
      public NDList forward(ParameterStore store, NDList inputs, boolean training) {
        return new NDList(inputs.head().getManager().create(logits, new Shape(2, 3)));
      }

      @Override
      public LinkedHashMap<String, ai.djl.nn.Parameter> namedParameters() {
        return new LinkedHashMap<>();
      }

      @Override
      public List<org.smcbench.model.PrunableTensor> prunableScope() {
        return List.of();
      }
    };
  }

  private double loss(double temperature, double hardness) {
    NDArray student = manager.create(STUDENT, new Shape(2, 3));
    Batch batch = new Batch(new NDList(manager.zeros(new Shape(2))), manager.create(new long[] {1, 2}));
    MultipleChoiceTask task = new MultipleChoiceTask();
    TrainLoss kd = new DistillationLoss(teacher(TEACHER), new ParameterStore(manager, false),
        (outputs, b) -> task.loss(outputs, b.labels()), temperature, hardness);
    return kd.loss(new NDList(student), batch).getFloat();
  }

  @Test
  void softTermIsTSquaredTimesTheKlOfTheTemperedDistributions() {
    assertEquals(4 * 0.19271401319643053, loss(2.0, 1.0), 1e-6);
  }

  @Test
  void hardnessMixesTheLabelCrossEntropyIn() {
    assertEquals(0.25 * 0.26512634393268697 + 0.75 * 4 * 0.19271401319643053, loss(2.0, 0.75), 1e-6);
    assertEquals(0.26512634393268697, loss(2.0, 0.0), 1e-6);
  }

  @Test
  void aStudentEqualToItsTeacherHasNoSoftLossNorGradient() {
    NDArray student = manager.create(TEACHER, new Shape(2, 3));
    student.setRequiresGradient(true);
    Batch batch = new Batch(new NDList(manager.zeros(new Shape(2))), manager.create(new long[] {0, 2}));
    TrainLoss kd = new DistillationLoss(teacher(TEACHER), new ParameterStore(manager, false),
        (outputs, b) -> { throw new AssertionError("hardness 1 needs no hard loss"); }, 3.0, 1.0);
    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
      NDArray value = kd.loss(new NDList(student), batch);
      assertEquals(0.0, value.getFloat(), 1e-7);
      collector.backward(value);
    }
    // At the minimum of the KL the gradient vanishes too.
    assertArrayEquals(new float[6], student.getGradient().toFloatArray(), 1e-6f);
  }

  @Test
  void refusesHardnessOutsideTheUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> loss(2.0, 1.5));
    assertThrows(IllegalArgumentException.class, () -> loss(0.0, 1.0));
  }
}
