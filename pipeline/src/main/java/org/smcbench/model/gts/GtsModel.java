package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.model.PrunableModel;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TrainableModel;
import org.smcbench.train.NoGrad;

/**
 * GTS (Xie &amp; Sun, IJCAI 2019): word embedding → 2-layer bidirectional GRU → goal-driven tree
 * decoder producing a prefix equation over operators, constants and copied quantities.
 *
 * <p>Inputs: {@link GtsInputs}. {@code forward(…, training = true)} returns {@code NDList(loss)},
 * the teacher-forced mean cross-entropy over the batch's target tokens; {@code training = false}
 * returns beam-search predictions ({@link GtsInputs#readPredictions}) with the configured beam and
 * length limit, so a task evaluates through the plain {@link TrainableModel} interface.
 */
public final class GtsModel extends AbstractBlock implements PrunableModel, TrainableModel {
  private static final byte VERSION = 1;

  private final GtsConfig config;
  private final InputEmbedding embedding;
  private final BiGruEncoder encoder;
  /** Graph2Tree's graph module over the encoder states; null for GTS. */
  private final GraphEncoder graph;
  private final GoalPredictor predictor;
  private final GoalGenerator generator;
  private final SubtreeMerger merger;
  private final TreeDecoder decoder;

  /** @param seed every weight is drawn from it and the parameter's name (same seed, same weights) */
  public GtsModel(GtsConfig config, long seed) {
    this(config, seed, false);
  }

  /**
   * @param graphEncoder true for Graph2Tree: the quantity graphs refine the encoder states (the
   *                     inputs then carry them, {@link GtsInputs#createWithGraphs})
   */
  public GtsModel(GtsConfig config, long seed, boolean graphEncoder) {
    this(config, seed, graphEncoder, null);
  }

  /**
   * @param pretrained when not null, words are embedded by this pretrained encoder (initialised,
   *                   weights loaded; its width must be {@code config.embedding()}) instead of a
   *                   word table, and the inputs carry the sub-words ({@link GtsInputs#addSubwords})
   */
  public GtsModel(GtsConfig config, long seed, boolean graphEncoder, org.smcbench.model.bert.BertEncoder pretrained) {
    super(VERSION);
    this.config = config;
    if (pretrained != null && pretrained.config().hidden() != config.embedding()) {
      throw new IllegalArgumentException("the pretrained encoder is " + pretrained.config().hidden()
          + " wide; the model's embedding is " + config.embedding());
    }
    embedding = addChildBlock("embedding", pretrained == null ? new WordEmbedding(config, seed)
        : new ContextualEmbedding(pretrained, seed));
    encoder = addChildBlock("encoder", new BiGruEncoder(config, seed));
    graph = graphEncoder ? addChildBlock("graph", new GraphEncoder(config, seed)) : null;
    predictor = addChildBlock("predict", new GoalPredictor(config, seed));
    generator = addChildBlock("generate", new GoalGenerator(config, seed));
    merger = addChildBlock("merge", new SubtreeMerger(config, seed));
    decoder = new TreeDecoder(config, predictor, generator, merger);
  }

  public GtsConfig config() {
    return config;
  }

  @Override
  public LinkedHashMap<String, Parameter> namedParameters() {
    LinkedHashMap<String, Parameter> named = new LinkedHashMap<>();
    for (GtsBlock block : blocks()) {
      block.putNamedParameters(named);
    }
    return named;
  }

  @Override
  public List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>(embedding.prunableScope());
    scope.addAll(encoder.prunableScope());
    if (graph != null) {
      scope.addAll(graph.prunableScope());
    }
    scope.addAll(predictor.prunableScope());
    scope.addAll(generator.prunableScope());
    scope.addAll(merger.prunableScope());
    return scope;
  }

  /** Number of weights (every parameter, biases included). */
  public long parameterCount() {
    long n = 0;
    for (Parameter p : namedParameters().values()) {
      n += p.getShape().size();
    }
    return n;
  }

  @Override
  public void initializeParameters(NDManager manager) {
    initialize(manager, DataType.FLOAT32, new Shape(1, 1));
  }

  @Override
  public NDList forward(ParameterStore ps, NDList inputs, boolean training) {
    return forward(ps, inputs, training, null);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return training ? new NDList(loss(ps, inputs, true))
        : decode(ps, inputs, config.beamSize(), config.maxDecodeLength());
  }

  /** Teacher-forced loss; {@code training} switches dropout. */
  public NDArray loss(ParameterStore ps, NDList inputs, boolean training) {
    GtsInputs in = GtsInputs.read(inputs);
    ProblemMemory memory = memory(ps, inputs, in, training);
    return decoder.loss(ps, memory, in.targets(), training);
  }

  /** Beam search per problem (grad mode off); output as {@link GtsInputs#readPredictions} reads it. */
  public NDList decode(ParameterStore ps, NDList inputs, int beamSize, int maxLength) {
    try (NoGrad ignored = NoGrad.enter()) {
      GtsInputs in = GtsInputs.read(inputs);
      ProblemMemory memory = memory(ps, inputs, in, false);
      BeamSearch search = new BeamSearch(decoder);
      Prediction[] predictions = new Prediction[memory.problems()];
      for (int b = 0; b < predictions.length; b++) {
        predictions[b] = search.decode(ps, memory, b, beamSize, maxLength);
      }
      return GtsInputs.predictions(inputs.get(0).getManager(), predictions, maxLength);
    }
  }

  /** Greedy decoding of the whole batch in lockstep (grad mode off). */
  public NDList decodeGreedy(ParameterStore ps, NDList inputs, int maxLength) {
    try (NoGrad ignored = NoGrad.enter()) {
      GtsInputs in = GtsInputs.read(inputs);
      ProblemMemory memory = memory(ps, inputs, in, false);
      Prediction[] predictions = new GreedyDecoder(decoder).decode(ps, memory, maxLength);
      return GtsInputs.predictions(inputs.get(0).getManager(), predictions, maxLength);
    }
  }

  private ProblemMemory memory(ParameterStore ps, NDList inputs, GtsInputs in, boolean training) {
    if (in.quantities().length > 0 && in.quantities()[0].length != config.maxQuantities()) {
      throw new IllegalArgumentException("quantity positions have " + in.quantities()[0].length
          + " slots; the model has " + config.maxQuantities());
    }
    NDArray embedded = GtsBlock.dropout(embedding.embed(ps, inputs, training), config.dropout(), training);
    BiGruEncoder.Encoded encoded = encoder.encode(ps, embedded, in.lengths(), training);
    if (graph != null) {
      NDArray graphs = GtsInputs.optional(inputs, GtsInputs.GRAPHS);
      if (graphs == null) {
        throw new IllegalArgumentException("Graph2Tree needs the quantity graphs among its inputs");
      }
      // The root goal stays the GRU's problem vector, as in Graph2Tree; the states are refined.
      encoded = new BiGruEncoder.Encoded(graph.refine(ps, encoded.states(), graphs, training), encoded.problem());
    }
    return predictor.memory(ps, encoded, in.lengths(), in.quantities(), in.counts(), training);
  }

  private List<GtsBlock> blocks() {
    return graph == null ? List.of(embedding, encoder, predictor, generator, merger)
        : List.of(embedding, encoder, graph, predictor, generator, merger);
  }


  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (GtsBlock block : blocks()) {
      block.initialize(manager, dataType, inputShapes);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape()};
  }
}
