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
 * A langchain4j embeddings jar ({@link OnnxEncoder}): an ONNX export of a BERT encoder (inline
 * float32 weights) and its Hugging Face tokenizer. The jar is read as a plain zip; nothing of
 * langchain4j is used.
 */
public final class OnnxEncoderArtifact implements AutoCloseable {
  private final Path jar;
  private final ZipFile zip;
  private final OnnxEncoder encoder;

  private OnnxEncoderArtifact(Path jar, OnnxEncoder encoder) throws IOException {
    this.jar = jar;
    this.zip = new ZipFile(jar.toFile());
    this.encoder = encoder;
  }

  /** Opens the all-MiniLM-L6-v2 jar at {@code jar}. */
  public static OnnxEncoderArtifact open(Path jar) throws IOException {
    return open(jar, OnnxEncoder.MINILM_L6);
  }

  /** Opens the jar of {@code encoder} at {@code jar}. */
  public static OnnxEncoderArtifact open(Path jar, OnnxEncoder encoder) throws IOException {
    OnnxEncoderArtifact artifact = new OnnxEncoderArtifact(jar, encoder);
    try {
      artifact.entry(encoder.onnxEntry());
      artifact.entry(encoder.tokenizerEntry());
    } catch (IOException e) {
      artifact.close();
      throw e;
    }
    return artifact;
  }

  /** Opens the all-MiniLM-L6-v2 jar on the class path (tests, embedded runs). */
  public static OnnxEncoderArtifact fromClasspath() throws IOException {
    return fromClasspath(OnnxEncoder.MINILM_L6);
  }

  /** Opens the jar on the class path that contains {@code encoder}'s ONNX file. */
  public static OnnxEncoderArtifact fromClasspath(OnnxEncoder encoder) throws IOException {
    URL url = OnnxEncoderArtifact.class.getClassLoader().getResource(encoder.onnxEntry());
    if (url == null) {
      throw new FileNotFoundException(encoder.onnxEntry() + " is not on the class path");
    }
    if (!"jar".equals(url.getProtocol())) {
      throw new IOException(encoder.onnxEntry() + " is on the class path but not inside a jar: " + url);
    }
    try {
      URL jarUrl = ((JarURLConnection) url.openConnection()).getJarFileURL();
      return open(Path.of(jarUrl.toURI()), encoder);
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the jar of " + url, e);
    }
  }

  public Path jar() {
    return jar;
  }

  /** The encoder's weights under Hugging Face BERT names (no pooler), see {@link OnnxInitializers}. */
  public LinkedHashMap<String, FloatTensor> readWeights() throws IOException {
    try (InputStream in = new BufferedInputStream(zip.getInputStream(entry(encoder.onnxEntry())), 1 << 16)) {
      return OnnxInitializers.read(in);
    }
  }

  /** A fresh stream over the ONNX file itself (for ONNX Runtime as a reference); caller closes. */
  public InputStream openOnnx() throws IOException {
    return zip.getInputStream(entry(encoder.onnxEntry()));
  }

  /** A fresh stream over {@code tokenizer.json}; the caller closes it. */
  public InputStream openTokenizerJson() throws IOException {
    return zip.getInputStream(entry(encoder.tokenizerEntry()));
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
