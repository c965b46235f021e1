package org.smcbench.sweep;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.smcbench.config.ModelSettings;
import org.smcbench.config.RunSpec;
import org.smcbench.pretrain.PretrainedCheckpoints;
import org.smcbench.model.ModelFamilies;
import org.smcbench.model.ModelWeights;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;
import org.smcbench.results.LayerRecord;
import org.smcbench.results.MaskRecord;
import org.smcbench.results.RunOutcome;
import org.smcbench.results.RunRecord;
import org.smcbench.sparsity.Distillation;
import org.smcbench.sparsity.IterativePruning;
import org.smcbench.sparsity.MaskSet;
import org.smcbench.sparsity.PruningContext;
import org.smcbench.sparsity.PruningScope;
import org.smcbench.sparsity.Rewind;
import org.smcbench.sparsity.SparsityMethod;
import org.smcbench.sparsity.SparsityMethods;
import org.smcbench.sparsity.StartPoint;
import org.smcbench.task.Task;
import org.smcbench.task.TaskData;
import org.smcbench.task.Tasks;
import org.smcbench.train.DistillationLoss;
import org.smcbench.train.StepHook;
import org.smcbench.train.StepTimes;
import org.smcbench.train.TrainLoss;
import org.smcbench.train.TrainLoop;
import org.smcbench.train.TrainingDiverged;

/**
 * Runs one configuration end to end inside a Spark task (or a test): build the model, load its
 * start weights, let the sparsity method mask it, fine-tune, evaluate, and describe the result.
 * Any failure becomes a {@code failed} record with the error and the step it happened at.
 */
public final class RunExecutor {
  private RunExecutor() {}

  /**
   * Runs {@code spec}; one outcome, or one per round for iterative methods (IMP), in round order.
   * Never throws for a failing run: the failure is an outcome.
   */
  public static List<RunOutcome> execute(RunSpec spec, RunInputs inputs) {
    long started = System.nanoTime();
    AtomicInteger step = new AtomicInteger();
    SparsityMethod method = SparsityMethods.create(spec.method(), spec.methodParams());
    String deviceLabel = "unknown";
    List<RunOutcome> done = new ArrayList<>();
    // The executor JVM's first build of a model also starts the engine and reads the checkpoint
    // into the family's cache: a cost once per executor, timed apart from the per-run build.
    PhaseClock clock = new PhaseClock();
    clock.start(FirstBuilds.claim(spec.model()) ? PhaseClock.FIRST_BUILD : PhaseClock.BUILD);
    try {
      // Loading the engine first makes its natives available to the JniUtils calls below.
      Engine engine = Engine.getEngine("PyTorch");
      Devices.Placement placement = Devices.place(inputs.device());
      Device device = placement.device();
      deviceLabel = placement.label();
      // New Spark task threads start with grad mode on; only the gradient collector should turn it on.
      JniUtils.setGradMode(false);
      Devices.setThreads(inputs.threads());
      long seed = Seeds.forRun(spec);
      engine.setRandomSeed((int) seed);
      try (NDManager root = NDManager.newBaseManager(device)) {
        Run run = new Run(spec, inputs, method, placement, seed, root, step, clock);
        if (method instanceof IterativePruning imp) {
          run.rounds(imp, done, started);
        } else {
          done.add(run.single(started));
        }
      }
      return done;
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError vm && !(e instanceof OutOfMemoryError)) {
        throw vm;
      }
      int failedAt = e instanceof TrainingDiverged d ? d.step() : step.get();
      List<RunOutcome> out = new ArrayList<>(done);
      for (RunSpec unfinished : unfinished(spec, method, done.size())) {
        out.add(failed(unfinished, method, inputs, e, failedAt, seconds(started), deviceLabel));
      }
      return out;
    }
  }

  /** The specs a failure leaves without a result: the run, or IMP's rounds from {@code doneRounds} on. */
  private static List<RunSpec> unfinished(RunSpec spec, SparsityMethod method, int doneRounds) {
    if (method instanceof IterativePruning imp && imp.reaches(spec.targetSparsity())) {
      List<Double> rounds = imp.roundSparsities(spec.targetSparsity());
      return rounds.subList(Math.min(doneRounds, rounds.size()), rounds.size()).stream()
          .map(spec::withTargetSparsity).toList();
    }
    return List.of(spec);
  }

  /** One configuration's model, scope and helpers inside its task's NDManager. */
  private static final class Run {
    private final RunSpec spec;
    private final RunInputs inputs;
    private final SparsityMethod method;
    private final Device device;
    private final String deviceLabel;
    private final long seed;
    private final NDManager root;
    private final AtomicInteger step;
    private final TrainableModel model;
    private final List<PrunableTensor> scope;
    private final CheckpointStore checkpoints;
    private final TaskProbe<?> probe;
    private final ModelSettings modelSettings;
    private PhaseClock clock;
    private TrainLoss trainLoss;
    /** Of the iterative round under way: the run its row chains to, and when it started. */
    private String roundParent;
    private long roundStarted;

    /** {@code clock} is already in its build phase (see {@link RunExecutor#execute}). */
    Run(RunSpec spec, RunInputs inputs, SparsityMethod method, Devices.Placement placement, long seed, NDManager root,
        AtomicInteger step, PhaseClock clock) {
      this.spec = spec;
      this.inputs = inputs;
      this.method = method;
      this.device = placement.device();
      this.deviceLabel = placement.label();
      this.seed = seed;
      this.root = root;
      this.step = step;
      this.clock = clock;
      this.modelSettings = PretrainedCheckpoints.resolve(spec.model(), inputs.warehousePath());
      this.model = ModelFamilies.get(spec.model().family()).build(modelSettings, inputs.train(), root, seed);
      this.scope = PruningScope.fromLabel(spec.scope()).select(model.prunableScope());
      this.checkpoints = new CheckpointStore(inputs.warehousePath(), hadoopConf());
      this.probe = probe(spec, inputs, model, scope, seed, root);
    }

    /**
     * The task's loss, or for a distilling method the distillation loss from a second copy of the
     * model holding the dense parent's weights (built once per run).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    TrainLoss trainLoss() throws IOException {
      if (trainLoss == null) {
        Task task = Tasks.get(spec.task());
        TrainLoss hard = TrainLoss.of(task, spec.model());
        Optional<Distillation> kd = method.distillation();
        if (kd.isPresent()) {
          TrainableModel teacher = ModelFamilies.get(spec.model().family()).build(modelSettings, inputs.train(), root,
              seed);
          checkpoints.load(spec.denseParent().runKey(), teacher.namedParameters());
          hard = new DistillationLoss(teacher, new ai.djl.training.ParameterStore(root, false), hard,
              kd.get().temperature(), kd.get().hardness());
        }
        trainLoss = hard;
      }
      return trainLoss;
    }

    PruningContext context(double sparsity) {
      return PruningContext.of(scope, sparsity, spec.selection(), seed,
          spec.training().steps(), root, probe).withActivations(probe).withBatchGradients(probe);
    }

    RunOutcome single(long started) throws IOException {
      if (method.startPoint() == StartPoint.DENSE_FINETUNED) {
        clock.start("start_weights");
        checkpoints.load(spec.denseParent().runKey(), model.namedParameters());
      }
      clock.start("masks");
      PruningContext context = context(spec.targetSparsity());
      Optional<MaskSet> masks = method.initialMasks(context);
      masks.ifPresent(m -> m.applyTo(scope));
      TrainLoop.Outcome trained = null;
      if (method.retrains()) {
        TrainLoss loss = trainLoss();
        clock.start("train");
        trained = fineTune(spec, inputs, model, root, seed, method, context, masks, step, loss);
      }
      clock.start("eval");
      Map<String, Double> metrics = evaluate(spec, inputs, model, root);
      if (spec.isDense()) {
        clock.start("checkpoint");
        checkpoints.save(spec.runKey(), model.namedParameters());
      }
      return succeeded(spec, trained, metrics, parentKey(spec, method), started);
    }

    /**
     * Iterative pruning: prune from the dense fine-tuned weights, rewind (to the start weights, or not
     * at all for learning-rate rewinding: the next round trains the pruned, step-updated weights of
     * the last), re-train with the full schedule; one outcome per round.
     */
    void rounds(IterativePruning imp, List<RunOutcome> done, long started) throws IOException {
      clock.start("start_weights");
      ByteArrayOutputStream initial = new ByteArrayOutputStream();
      if (imp.rewind() == Rewind.PRETRAINED) {
        ModelWeights.save(model.namedParameters(), initial);
      }
      checkpoints.load(spec.denseParent().runKey(), model.namedParameters());
      TrainLoss loss = trainLoss();
      roundParent = spec.denseParent().runKey();
      roundStarted = started;
      imp.runRounds(spec.targetSparsity(), sparsity -> {
        clock.start("masks");
        return context(sparsity);
      }, () -> {
        try {
          ModelWeights.load(model.namedParameters(), new ByteArrayInputStream(initial.toByteArray()));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, (sparsity, context, masks) -> {
        RunSpec round = spec.withTargetSparsity(sparsity);
        clock.start("train");
        TrainLoop.Outcome trained = fineTune(round, inputs, model, root, seed, method, context, Optional.of(masks),
            step, loss);
        clock.start("eval");
        done.add(succeeded(round, trained, evaluate(round, inputs, model, root), roundParent, roundStarted));
        roundParent = round.runKey();
        // Each round is its own row with its own phases; the first also carries the model build.
        clock = new PhaseClock();
        roundStarted = System.nanoTime();
      });
    }

    /** The row of a finished run; {@code trained} is null for a method evaluated without training. */
    private RunOutcome succeeded(RunSpec run, TrainLoop.Outcome trained, Map<String, Double> metrics, String parent,
        long started) {
      List<LayerRecord> layers = new ArrayList<>();
      List<MaskRecord> masks = new ArrayList<>();
      describeScope(run.runKey(), scope, layers, run.isDense() ? null : masks);
      String metricName = metrics.keySet().iterator().next();
      RunRecord record = new RunRecord(run.runKey(), run.task(), run.dataset(), run.fold(), run.model().name(),
          run.method(), method.timing().label(), run.targetSparsity(), sparsity(layers), run.seed(), run.selection(),
          run.scope(), metricName, metrics.get(metricName), inputs.chance(), json(metrics), RunRecord.SUCCEEDED,
          null, null, null, trained == null ? 0 : trained.steps(), trained == null ? null : trained.lastLoss(),
          seconds(started), clock.json(), deviceLabel, executorId(),
          inputs.codeVersion(), inputs.train().sourceVersion(), parent, inputs.configJson(),
          System.currentTimeMillis());
      return new RunOutcome(record, layers, masks);
    }
  }

  /** The record of a run that could not finish, or could not start (e.g. its dense parent failed). */
  public static RunOutcome failed(RunSpec spec, SparsityMethod method, RunInputs inputs, Throwable error,
      int failedStep, double wallSeconds, String device) {
    RunRecord record = new RunRecord(spec.runKey(), spec.task(), spec.dataset(), spec.fold(), spec.model().name(),
        spec.method(), method.timing().label(), spec.targetSparsity(), null, spec.seed(), spec.selection(),
        spec.scope(), Tasks.get(spec.task()).metricName(), null, inputs.chance(), null, RunRecord.FAILED,
        error.getClass().getName(), String.valueOf(error.getMessage()), failedStep, spec.training().steps(), null,
        wallSeconds, null, device, executorId(), inputs.codeVersion(), inputs.train().sourceVersion(),
        parentKey(spec, method), inputs.configJson(), System.currentTimeMillis());
    return new RunOutcome(record, List.of());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TrainLoop.Outcome fineTune(RunSpec spec, RunInputs inputs, TrainableModel model, NDManager root,
      long seed, SparsityMethod method, PruningContext context, Optional<MaskSet> masks, AtomicInteger step,
      TrainLoss loss) {
    Task task = Tasks.get(spec.task());
    StepHook hook = masks.map(m -> method.stepHook(context, m)).orElse(StepHook.NONE);
    return TrainLoop.run(model, task, inputs.train(), spec.model(), spec.training(), seed, root, hook, s -> {
      step.set(s);
      FaultInjection.maybeRunOutOfMemory(s);
    }, StepTimes.NONE, loss);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TaskProbe<?> probe(RunSpec spec, RunInputs inputs, TrainableModel model,
      List<PrunableTensor> scope, long seed, NDManager root) {
    Task task = Tasks.get(spec.task());
    return new TaskProbe(model, task, inputs.train(), spec.model(), spec.training().batchSize(), seed,
        Seeds.forCalibration(spec), scope, root);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Double> evaluate(RunSpec spec, RunInputs inputs, TrainableModel model, NDManager root) {
    Task task = Tasks.get(spec.task());
    TaskData eval = inputs.eval();
    return task.evaluate(model, eval, spec.model(), spec.training().evalBatchSize(), root);
  }

  /**
   * Per-tensor zeros of the live weights, in model order, and (when {@code masks} is not null) the
   * kept-entry bitsets: one read of each tensor serves both.
   */
  private static void describeScope(String runKey, List<PrunableTensor> scope, List<LayerRecord> layers,
      List<MaskRecord> masks) {
    for (int i = 0; i < scope.size(); i++) {
      PrunableTensor t = scope.get(i);
      float[] values = t.array().toFloatArray();
      boolean[] kept = new boolean[values.length];
      long zeros = 0;
      for (int j = 0; j < values.length; j++) {
        kept[j] = values[j] != 0f;
        zeros += kept[j] ? 0 : 1;
      }
      layers.add(new LayerRecord(runKey, i, t.name(), t.layer(), t.kind().label(), t.numel(), zeros));
      if (masks != null) {
        masks.add(new MaskRecord(runKey, i, t.name(), t.numel(), t.numel() - zeros, MaskSet.pack(kept)));
      }
    }
  }

  /** zeros / numel over the run's prunable scope. */
  private static double sparsity(List<LayerRecord> layers) {
    long zeros = 0;
    long numel = 0;
    for (LayerRecord l : layers) {
      zeros += l.zeros();
      numel += l.numel();
    }
    return numel == 0 ? 0 : (double) zeros / numel;
  }

  private static String parentKey(RunSpec spec, SparsityMethod method) {
    return method.startPoint() == StartPoint.DENSE_FINETUNED ? spec.denseParent().runKey() : null;
  }

  private static Configuration hadoopConf() {
    return org.smcbench.spark.HadoopConf.current();
  }

  private static String executorId() {
    SparkEnv env = SparkEnv.get();
    return env == null ? null : env.executorId();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static String json(Map<String, Double> metrics) {
    return new com.google.gson.Gson().toJson(metrics);
  }

}
