package org.smcbench.model.bert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import org.smcbench.model.FloatTensor;

/** The pretrained MiniLM weights, parsed once per test JVM (the ONNX file is 90 MB). */
final class MiniLmFixture {
  private static Map<String, FloatTensor> weights;

  private MiniLmFixture() {}

  static synchronized Map<String, FloatTensor> weights() {
    if (weights == null) {
      try (OnnxEncoderArtifact artifact = OnnxEncoderArtifact.fromClasspath()) {
        weights = Collections.unmodifiableMap(artifact.readWeights());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return weights;
  }
}
