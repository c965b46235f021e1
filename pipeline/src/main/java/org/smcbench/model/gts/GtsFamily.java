package org.smcbench.model.gts;

import ai.djl.ndarray.NDManager;
import java.nio.FloatBuffer;
import org.smcbench.config.ModelSettings;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.ModelFamily;
import org.smcbench.model.TrainableModel;
import org.smcbench.model.bert.BertEncoder;
import org.smcbench.model.bert.BertMultipleChoiceFamily;
import org.smcbench.task.TaskData;
import org.smcbench.task.mwp.MwpData;
import org.smcbench.task.mwp.MwpTask;

/**
 * GTS, or Graph2Tree (GTS with the graph module over its encoder), built for a run's train split:
 * its word and output vocabularies size the model, the knobs come from the model entry (embedding
 * and hidden width, beam, dropout). With {@code embeddings-from} the words are embedded from a
 * pretrained encoder: its token table as the starting word table ({@link PretrainedWordEmbeddings}),
 * or the whole encoder ({@link ContextualEmbedding}); everything else starts from the seed, as in GTS.
 */
public final class GtsFamily implements ModelFamily {
  public static final String NAME = "gts";
  public static final String GRAPH2TREE = "graph2tree";
  static final int DEFAULT_EMBEDDING = 128;
  static final int DEFAULT_BEAM = 5;

  private final String name;
  private final boolean graphEncoder;
  private final int defaultHidden;

  private GtsFamily(String name, boolean graphEncoder, int defaultHidden) {
    this.name = name;
    this.graphEncoder = graphEncoder;
    this.defaultHidden = defaultHidden;
  }

  /** GTS; hidden 512 by default (paper Table 4). */
  public static GtsFamily gts() {
    return new GtsFamily(NAME, false, 512);
  }

  /** Graph2Tree; hidden 384 by default (paper Table 4). */
  public static GtsFamily graph2tree() {
    return new GtsFamily(GRAPH2TREE, true, 384);
  }

  /** Whether a model of {@code family} reads the quantity graphs (its batches must carry them). */
  public static boolean usesGraphs(String family) {
    return GRAPH2TREE.equals(family);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public java.util.Set<String> tasks() {
    return java.util.Set.of(MwpTask.NAME);
  }

  @Override
  public TrainableModel build(ModelSettings settings, TaskData train, NDManager manager, long seed) {
    MwpData data = requireMwp(settings, train);
    if (settings.embedsWithEncoder()) {
      if (data.subwords() == null) {
        throw new IllegalArgumentException("model " + settings.name() + " embeds words with "
            + settings.embeddingSource().name() + "'s encoder, but the data was loaded without sub-words");
      }
      BertEncoder encoder = BertMultipleChoiceFamily.pretrainedEncoder(settings.embeddingSource(), manager, seed);
      GtsModel model = new GtsModel(config(settings, data, encoder.config().hidden(), defaultHidden), seed,
          graphEncoder, encoder);
      model.initializeParameters(manager);
      return model;
    }
    FloatTensor pretrained = settings.embeddingSource() == null ? null
        : PretrainedWordEmbeddings.table(data.words(), settings.embeddingSource());
    int width = pretrained == null ? 0 : (int) pretrained.shape()[1];
    GtsModel model = new GtsModel(config(settings, data, width, defaultHidden), seed, graphEncoder);
    model.initializeParameters(manager);
    if (pretrained != null) {
      model.namedParameters().get(WordEmbedding.NAME).getArray().set(FloatBuffer.wrap(pretrained.data()));
    }
    return model;
  }

  /**
   * The model's shape: vocabularies from {@code train}, widths from the entry or the defaults;
   * {@code pretrainedWidth} is the width of embeddings-from (0 without it), which the embedding takes.
   */
  static GtsConfig config(ModelSettings settings, MwpData train, int pretrainedWidth, int defaultHidden) {
    int embedding = settings.embeddingSize() > 0 ? settings.embeddingSize()
        : pretrainedWidth > 0 ? pretrainedWidth : DEFAULT_EMBEDDING;
    if (pretrainedWidth > 0 && embedding != pretrainedWidth) {
      throw new IllegalArgumentException("model " + settings.name() + ": embedding-size " + embedding + " differs from"
          + " the width " + pretrainedWidth + " of embeddings-from " + settings.embeddingSource().name()
          + "; set embedding-size = 0 to take it");
    }
    int hidden = settings.hiddenSize() > 0 ? settings.hiddenSize() : defaultHidden;
    int beam = settings.beamSize() > 0 ? settings.beamSize() : DEFAULT_BEAM;
    return GtsConfig.forData(train, embedding, hidden, settings.dropout())
        .withBeam(beam, GtsConfig.defaultMaxDecodeLength(train));
  }

  static MwpData requireMwp(ModelSettings settings, TaskData train) {
    if (!(train instanceof MwpData data)) {
      throw new IllegalArgumentException("model " + settings.name() + " (family " + settings.family()
          + ") trains on math word"
          + " problems, not " + (train == null ? "no data" : train.getClass().getSimpleName()));
    }
    return data;
  }

  @Override
  public byte[] tokenizerJson(ModelSettings settings) {
    throw new UnsupportedOperationException("model " + settings.name() + " (family " + name
        + ") reads words through the vocabulary of its train split, not a tokenizer");
  }
}
