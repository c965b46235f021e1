package org.smcbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.TrainingSettings;
import org.smcbench.data.McTokens;
import org.smcbench.model.ModelFamilies;
import org.smcbench.model.TrainableModel;
import org.smcbench.sparsity.GradientProbe;
import org.smcbench.sparsity.MaskSet;
import org.smcbench.sparsity.select.MaskSelector;
import org.smcbench.sparsity.PruningContext;
import org.smcbench.sparsity.SparsityMethod;
import org.smcbench.sparsity.SparsityMethods;
import org.smcbench.task.mc.McData;
import org.smcbench.task.mc.MultipleChoiceTask;

/**
 * Native memory stays flat: the arrays a run's manager holds do not grow with the steps (every
 * step's temporaries, gradient handles and mask updates are closed), and resident memory does not
 * grow from one configuration to the next in the same JVM, as on a long-lived executor. It runs in a
 * JVM of its own (failsafe, after package; pipeline/pom.xml) with a fixed, pre-touched heap, so the
 * resident-memory growth it measures is native memory, not the Java heap expanding.
 */
class NativeMemoryIT {
  private static final int STEPS = 40;
  private static final long RSS_BOUND_BYTES = 96L << 20;

  @Test
  void managedArraysAndResidentMemoryStayFlat() throws IOException {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc for resident memory");
    ModelSettings model = new ModelSettings("minilm", "bert-multiple-choice", "minilm-onnx", "", 1, 32, 0.1, "mean");
    TrainingSettings training = new TrainingSettings(1e-4, 4, STEPS, 2, 0.01, 0.9, 0.98, 1e-6, 0, 0, 16);
    McData data = syntheticQuestions(32, new Random(7));
    // RigL from a random mask: gradients are read before every update, masks move during training.
    SparsityMethod method = SparsityMethods.create("rigl_random",
        Map.of("update-interval", 2, "alpha", 0.3, "end", 0.75));
    List<Long> rssAfterConfiguration = new ArrayList<>();
    for (int configuration = 0; configuration < 4; configuration++) {
      try (NDManager root = NDManager.newBaseManager()) {
        TrainableModel built = ModelFamilies.get(model.family()).build(model, null, root, configuration);
        PruningContext context = new PruningContext(built.prunableScope(), 0.5, MaskSelector.Granularity.GLOBAL,
            configuration, STEPS, root, GradientProbe.NONE);
        MaskSet masks = method.initialMasks(context).orElseThrow();
        masks.applyTo(built.prunableScope());
        int[] arrays = new int[STEPS + 1];
        StepHook hook = method.stepHook(context, masks);
        TrainLoop.run(built, new MultipleChoiceTask(), data, model, training, configuration, root, hook,
            step -> arrays[step] = root.getManagedArrays().size());
        // After the first steps (optimizer state is created lazily), the count is constant.
        for (int step = 4; step <= STEPS; step++) {
          assertEquals(arrays[3], arrays[step], "arrays held by the run's manager after step " + step);
        }
      }
      System.gc();
      rssAfterConfiguration.add(residentBytes());
    }
    // The first configuration warms up the engine and allocator; later ones must not add more.
    long growth = rssAfterConfiguration.get(3) - rssAfterConfiguration.get(1);
    System.out.println("resident bytes after each configuration: " + rssAfterConfiguration);
    assertTrue(growth < RSS_BOUND_BYTES, "resident memory grew by " + (growth >> 20) + " MiB over two configurations: "
        + rssAfterConfiguration);
  }

  private static McData syntheticQuestions(int n, Random random) {
    List<String> ids = new ArrayList<>();
    List<McTokens> tokens = new ArrayList<>();
    int[] labels = new int[n];
    for (int q = 0; q < n; q++) {
      int[][] firsts = new int[5][];
      int[][] seconds = new int[5][];
      for (int c = 0; c < 5; c++) {
        firsts[c] = randomTokens(random, 6 + random.nextInt(8));
        seconds[c] = randomTokens(random, 1 + random.nextInt(3));
      }
      ids.add("q" + q);
      tokens.add(new McTokens(new int[0], firsts, seconds));
      labels[q] = random.nextInt(5);
    }
    return new McData(ids, tokens, labels, 5, 101, 102, 0, 0);
  }

  private static int[] randomTokens(Random random, int length) {
    int[] t = new int[length];
    for (int i = 0; i < length; i++) {
      t[i] = 1000 + random.nextInt(20000);
    }
    return t;
  }

  /** VmRSS of this process. */
  private static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS in /proc/self/status");
  }
}
