package org.smcbench.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.TrainingSettings;
import org.smcbench.data.McTokens;
import org.smcbench.model.ModelFamilies;
import org.smcbench.model.TrainableModel;
import org.smcbench.sparsity.GradientProbe;
import org.smcbench.sparsity.MaskSet;
import org.smcbench.sparsity.PruningContext;
import org.smcbench.sparsity.SparsityMethod;
import org.smcbench.sparsity.SparsityMethods;
import org.smcbench.sparsity.select.MaskSelector;
import org.smcbench.task.Batch;
import org.smcbench.task.mc.McData;
import org.smcbench.task.mc.MultipleChoiceTask;
import org.smcbench.train.AdamW;
import org.smcbench.train.StepHook;
import org.smcbench.train.StepTimes;
import org.smcbench.train.TrainLoop;

/**
 * The training step, measured three ways at one shape: the project's own step (the real TrainLoop,
 * MiniLM model and an OMP mask re-applied after every update by the sparsity hook), a bare DJL loop
 * over the same model (forward, backward, in-place AdamW on one pre-built batch, nothing else), and
 * PyTorch eager on the identical architecture ({@code tools/bench/torch_step.py}). Median of the
 * timed steps after the warm-up ones, per part.
 */
public final class StepBench {
  /** The step's shape: encoder layers, questions × choices × tokens per batch, intra-op threads. */
  public record Shape(int layers, int questions, int choices, int seqLen, int threads) {}

  public record Settings(Shape shape, int warmup, int steps, int rounds, double sparsity, TorchStepPeer torch,
      Path tmpDir) {}

  private static final double LR = 1e-5;

  private final Settings settings;
  private final PrintStream out;
  private long parameters;

  public StepBench(Settings settings, PrintStream out) {
    if (settings.shape.layers() < 1 || settings.shape.layers() > 6) {
      throw new IllegalArgumentException("--layers must be in [1, 6] (all-MiniLM-L6-v2 has 6)");
    }
    if (settings.shape.seqLen() < 5 || settings.shape.seqLen() > 512) {
      throw new IllegalArgumentException("--seq must be in [5, 512]");
    }
    if (settings.warmup < 1 || settings.steps < 1 || settings.rounds < 1) {
      throw new IllegalArgumentException("--warmup, --steps and --rounds must be at least 1");
    }
    this.settings = settings;
    this.out = out;
  }

  public void run() throws IOException {
    Shape shape = settings.shape;
    Engine engine = Engine.getEngine("PyTorch");
    JniUtils.setNumThreads(shape.threads());
    JniUtils.setGradMode(false);
    engine.setRandomSeed(1);
    out.printf("bench step: %d layers, batch %d questions x %d choices x %d tokens, %d threads, OMP mask at %.0f %%, "
            + "%d warm-up + %d timed steps, %d round(s)%n", shape.layers(), shape.questions(), shape.choices(),
        shape.seqLen(), shape.threads(), 100 * settings.sparsity, settings.warmup, settings.steps, settings.rounds);
    List<double[]> ours = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    List<TorchStepPeer.Result> torch = new ArrayList<>();
    String torchMissing = null;
    for (int round = 0; round < settings.rounds; round++) {
      ours.add(ourStep());
      bare.add(bareStep());
      if (settings.torch != null && torchMissing == null) {
        try {
          torch.add(settings.torch.run(shape, settings.warmup, settings.steps, settings.sparsity, settings.tmpDir));
        } catch (TorchPeer.Unavailable e) {
          torchMissing = e.getMessage();
        }
      }
    }
    double[] o = medianParts(ours);
    double oursMs = Arrays.stream(o).sum();
    double bareMs = median(bare.stream().mapToDouble(Double::doubleValue).toArray());
    out.printf("%-26s %10s %9s %9s %9s %10s %9s%n", "", "ms/step", "forward", "backward", "optimizer", "re-masking",
        "other");
    // parts: batch, forward, backward, before_update, optimizer, after_update
    out.printf("%-26s %10.1f %9.1f %9.1f %9.1f %10.1f %9.1f%n", "smc-bench TrainLoop", oursMs, o[1], o[2], o[4], o[5],
        o[0] + o[3]);
    out.printf("%-26s %10.1f%n", "bare DJL loop", bareMs);
    out.println("smc-bench model: " + parameters + " parameters");
    TorchStepPeer.Result t = torch.isEmpty() ? null : torch.stream()
        .sorted((a, b) -> Double.compare(a.msStep(), b.msStep())).toList().get(torch.size() / 2);
    if (t != null) {
      out.printf("%-26s %10.1f %9.1f %9.1f %9.1f %10.1f %9s%n", "PyTorch " + t.torchVersion() + " eager", t.msStep(),
          t.forward(), t.backward(), t.optimizer(), t.remask(), "");
      out.println("PyTorch peer: " + t.threads() + " threads, " + t.blas() + ", " + t.params() + " parameters");
      out.printf("ratio PyTorch / smc-bench: %.2fx (target >= 1.5x)%n", t.msStep() / oursMs);
    } else {
      out.println("PyTorch peer: not run (" + (torchMissing != null ? torchMissing : "--no-torch") + ")");
    }
    out.printf("ratio smc-bench / bare DJL: %.3f (target <= 1.10)%n", oursMs / bareMs);
  }

  /** The project's step: TrainLoop with the model family's model and the OMP method's hook. Median ms per part. */
  private double[] ourStep() {
    Shape shape = settings.shape;
    int total = settings.warmup + settings.steps;
    ModelSettings model = modelSettings();
    TrainingSettings training = new TrainingSettings(LR, shape.questions(), total, 0, 0.01, 0.9, 0.98, 1e-6, 0, 0,
        shape.questions());
    McData data = questions(shape, shape.questions() * total);
    SparsityMethod method = SparsityMethods.create("omp_before", Map.of());
    StepTimes times = new StepTimes();
    try (NDManager root = NDManager.newBaseManager()) {
      TrainableModel built = ModelFamilies.get(model.family()).build(model, null, root, 1);
      parameters = built.namedParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
      PruningContext context = new PruningContext(built.prunableScope(), settings.sparsity,
          MaskSelector.Granularity.GLOBAL, 1, total, root, GradientProbe.NONE);
      MaskSet masks = method.initialMasks(context).orElseThrow();
      masks.applyTo(built.prunableScope());
      StepHook hook = method.stepHook(context, masks);
      TrainLoop.run(built, new MultipleChoiceTask(), data, model, training, 1, root, hook, s -> {}, times);
    }
    double[] parts = new double[StepTimes.PARTS.size()];
    for (int i = 0; i < parts.length; i++) {
      double[] all = times.millis(StepTimes.PARTS.get(i));
      parts[i] = median(Arrays.copyOfRange(all, settings.warmup, all.length));
    }
    return parts;
  }

  /** The same model with nothing around it: one pre-built batch, forward, backward, in-place AdamW. */
  private double bareStep() {
    Shape shape = settings.shape;
    ModelSettings model = modelSettings();
    MultipleChoiceTask task = new MultipleChoiceTask();
    McData data = questions(shape, shape.questions());
    int[] all = new int[shape.questions()];
    Arrays.setAll(all, i -> i);
    double[] ms = new double[settings.warmup + settings.steps];
    try (NDManager root = NDManager.newBaseManager();
        AdamW optimizer = AdamW.builder().betas(0.9, 0.98).eps(1e-6).weightDecay(0.01).build()) {
      TrainableModel built = ModelFamilies.get(model.family()).build(model, null, root, 1);
      ParameterStore store = new ParameterStore(root, false);
      Batch batch = task.batch(data, all, model, root);
      var parameters = built.namedParameters();
      for (int step = 0; step < ms.length; step++) {
        long t0 = System.nanoTime();
        try (NDManager stepManager = root.newSubManager()) {
          // The batch visits the step's manager, so every activation lands there and is closed with it.
          stepManager.tempAttachAll(batch.inputs());
          stepManager.tempAttachAll(batch.labels());
          try (GradientCollector collector = root.getEngine().newGradientCollector()) {
            NDArray loss = task.loss(built.forward(store, batch.inputs(), true), batch.labels());
            loss.getFloat();
            collector.backward(loss);
          }
          optimizer.step(parameters, (float) LR);
        }
        ms[step] = (System.nanoTime() - t0) / 1e6;
      }
    }
    return median(Arrays.copyOfRange(ms, settings.warmup, ms.length));
  }

  private ModelSettings modelSettings() {
    return new ModelSettings("minilm", "bert-multiple-choice", "minilm-onnx", "", settings.shape.layers(),
        settings.shape.seqLen(), 0.1, "mean");
  }

  /** Questions whose every choice encodes to exactly seqLen tokens (no padding), as the peer's batch. */
  static McData questions(Shape shape, int n) {
    Random random = new Random(7);
    List<String> ids = new ArrayList<>();
    List<McTokens> tokens = new ArrayList<>();
    int[] labels = new int[n];
    for (int q = 0; q < n; q++) {
      int[][] firsts = new int[shape.choices()][];
      int[][] seconds = new int[shape.choices()][];
      for (int c = 0; c < shape.choices(); c++) {
        // [CLS] first [SEP] second [SEP]: 3 + (seqLen - 4) + 1 tokens.
        firsts[c] = random.ints(shape.seqLen() - 4, 1000, 21000).toArray();
        seconds[c] = random.ints(1, 1000, 21000).toArray();
      }
      ids.add("q" + q);
      tokens.add(new McTokens(new int[0], firsts, seconds));
      labels[q] = random.nextInt(shape.choices());
    }
    return new McData(ids, tokens, labels, shape.choices(), 101, 102, 0, 0);
  }

  private static double[] medianParts(List<double[]> rounds) {
    double[] out = new double[rounds.get(0).length];
    for (int i = 0; i < out.length; i++) {
      final int part = i;
      out[i] = median(rounds.stream().mapToDouble(r -> r[part]).toArray());
    }
    return out;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
