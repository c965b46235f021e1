package org.smcbench.model.bert;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.smcbench.config.CodeVersion;
import org.smcbench.config.ModelSettings;
import org.smcbench.task.TaskData;
import org.smcbench.model.CheckpointFiles;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.ModelFamily;
import org.smcbench.model.TrainableModel;

/**
 * BERT/RoBERTa encoder + fairseq-style multiple-choice head, with pretrained encoder weights:
 * format {@code minilm-onnx} / {@code bge-small-onnx} (langchain4j jars, {@link OnnxEncoder}) or {@code hf-safetensors} (a
 * Hugging Face BERT/RoBERTa folder, {@link HfBertCheckpoint}).
 */
public final class BertMultipleChoiceFamily implements ModelFamily {
  public static final String NAME = "bert-multiple-choice";
  /** Parsed ONNX weights per checkpoint file, shared by the runs of one executor JVM. */
  private static final Map<Path, SoftReference<LinkedHashMap<String, FloatTensor>>> WEIGHTS = new ConcurrentHashMap<>();
  /** Hugging Face checkpoints per folder, likewise. */
  private static final Map<String, SoftReference<HfBertCheckpoint>> HF = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public java.util.Set<String> tasks() {
    return java.util.Set.of(org.smcbench.task.mc.MultipleChoiceTask.NAME);
  }

  @Override
  public TrainableModel build(ModelSettings settings, TaskData train, NDManager manager, long seed) {
    MultipleChoiceModel model = new MultipleChoiceModel(encoderConfig(settings), Pooling.fromLabel(settings.pooling()),
        seed);
    model.initializeParameters(manager);
    PretrainedWeights.loadInto(model.encoder().namedParameters(), checkpointWeights(settings), manager);
    return model;
  }

  /**
   * The pretrained encoder of {@code settings} alone, initialised in {@code manager} with its
   * checkpoint's weights (a tree decoder embeds its words with it).
   */
  public static BertEncoder pretrainedEncoder(ModelSettings settings, NDManager manager, long seed) {
    BertEncoder encoder = new BertEncoder(encoderConfig(settings), seed);
    encoder.initializeParameters(manager);
    PretrainedWeights.loadInto(encoder.namedParameters(), checkpointWeights(settings), manager);
    return encoder;
  }

  private static Map<String, FloatTensor> checkpointWeights(ModelSettings settings) {
    return isHf(settings) ? hfCheckpoint(settings.checkpointPath()).weights() : weights(settings);
  }

  /** The checkpoint's architecture with the entry's dropout and layer count, checked against max-seq-len. */
  private static BertConfig encoderConfig(ModelSettings settings) {
    HfBertCheckpoint hf = isHf(settings) ? hfCheckpoint(settings.checkpointPath()) : null;
    BertConfig config = (hf != null ? hf.config() : onnxEncoder(settings).config()).withDropout(settings.dropout());
    if (settings.layers() > 0) {
      if (settings.layers() > config.layers()) {
        throw new IllegalArgumentException("model " + settings.name() + " asks for " + settings.layers()
            + " layers; the checkpoint has " + config.layers());
      }
      config = config.withLayers(settings.layers());
    }
    if (settings.maxSeqLen() > config.maxSequenceLength()) {
      throw new IllegalArgumentException("max-seq-len " + settings.maxSeqLen() + " exceeds the checkpoint's "
          + config.maxSequenceLength() + " positions");
    }
    return config;
  }

  /** The checkpoint's token-embedding table [vocab, hidden] (for tree decoders' input embeddings). */
  public static FloatTensor tokenEmbeddings(ModelSettings settings) {
    FloatTensor table = checkpointWeights(settings).get(BertEmbeddings.WORD_EMBEDDINGS);
    if (table == null) {
      throw new IllegalArgumentException("model " + settings.name() + ": the checkpoint has no "
          + BertEmbeddings.WORD_EMBEDDINGS);
    }
    return table;
  }

  @Override
  public byte[] tokenizerJson(ModelSettings settings) {
    if (isHf(settings)) {
      return HfBertCheckpoint.tokenizerJson(settings.checkpointPath(), new Configuration());
    }
    try (OnnxEncoderArtifact artifact = OnnxEncoderArtifact.open(jar(settings), onnxEncoder(settings));
        InputStream in = artifact.openTokenizerJson()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer of model " + settings.name(), e);
    }
  }

  private static HfBertCheckpoint hfCheckpoint(String folder) {
    SoftReference<HfBertCheckpoint> ref = HF.get(folder);
    HfBertCheckpoint cached = ref == null ? null : ref.get();
    if (cached == null) {
      cached = HfBertCheckpoint.read(folder, new Configuration());
      HF.put(folder, new SoftReference<>(cached));
    }
    return cached;
  }

  /** {@code hf-safetensors}: a Hugging Face folder at checkpoint-path; otherwise the MiniLM ONNX jar. */
  private static boolean isHf(ModelSettings settings) {
    if (!"hf-safetensors".equals(settings.checkpointFormat())) {
      return false;
    }
    if (settings.checkpointPath().isBlank()) {
      throw new IllegalArgumentException("model " + settings.name() + ": checkpoint-format hf-safetensors needs "
          + "checkpoint-path, the folder with config.json, model.safetensors and tokenizer.json");
    }
    return true;
  }

  private static LinkedHashMap<String, FloatTensor> weights(ModelSettings settings) {
    Path jar = jar(settings);
    SoftReference<LinkedHashMap<String, FloatTensor>> ref = WEIGHTS.get(jar);
    LinkedHashMap<String, FloatTensor> cached = ref == null ? null : ref.get();
    if (cached != null) {
      return cached;
    }
    try (OnnxEncoderArtifact artifact = OnnxEncoderArtifact.open(jar, onnxEncoder(settings))) {
      LinkedHashMap<String, FloatTensor> loaded = artifact.readWeights();
      WEIGHTS.put(jar, new SoftReference<>(loaded));
      return loaded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pretrained weights of model " + settings.name() + " from " + jar, e);
    }
  }

  /** The langchain4j ONNX encoder the model's checkpoint-format names. */
  private static OnnxEncoder onnxEncoder(ModelSettings settings) {
    OnnxEncoder encoder = OnnxEncoder.forFormat(settings.checkpointFormat());
    if (encoder == null) {
      throw new IllegalArgumentException("model " + settings.name() + ": checkpoint-format '"
          + settings.checkpointFormat() + "' is not an ONNX encoder jar");
    }
    return encoder;
  }

  /** The checkpoint jar: configured path, else the copy beside the build, else the local Maven repository. */
  static Path jar(ModelSettings settings) {
    if (!settings.checkpointPath().isBlank()) {
      return CheckpointFiles.local(settings.checkpointPath(), new Configuration());
    }
    OnnxEncoder encoder = onnxEncoder(settings);
    Path beside = CheckpointFiles.inModelsDir(encoder.jarName());
    if (beside != null) {
      return beside;
    }
    String version = CodeVersion.buildProperty(encoder.versionProperty());
    Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "dev", "langchain4j",
        encoder.artifactId(), String.valueOf(version), encoder.artifactId() + "-" + version + ".jar");
    if (Files.isRegularFile(m2)) {
      return m2;
    }
    try (OnnxEncoderArtifact onClasspath = OnnxEncoderArtifact.fromClasspath(encoder)) {
      return onClasspath.jar();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("model " + settings.name() + ": no checkpoint found. Set smc.models."
          + settings.name() + ".checkpoint-path to the langchain4j jar dev.langchain4j:" + encoder.artifactId(), e);
    }
  }
}
