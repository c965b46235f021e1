package org.smcbench.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Checkpoint fixtures for the loader tests: safetensors files and BERT-style layer names. */
public final class SafetensorsFixture {
  private SafetensorsFixture() {}

  /**
   * Writes {@code file} with one float32 tensor per entry of {@code shapes}, filled with standard
   * normals from {@code seed} in entry order; returns the values by name.
   */
  public static Map<String, float[]> writeRandom(Path file, Map<String, long[]> shapes, long seed) throws IOException {
    Map<String, float[]> values = new LinkedHashMap<>();
    Random random = new Random(seed);
    try (NDManager m = NDManager.newBaseManager(); NDList list = new NDList();
        OutputStream out = Files.newOutputStream(file)) {
      for (Map.Entry<String, long[]> e : shapes.entrySet()) {
        float[] v = new float[Math.toIntExact(new Shape(e.getValue()).size())];
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) random.nextGaussian();
        }
        values.put(e.getKey(), v);
        NDArray a = m.create(v, new Shape(e.getValue()));
        a.setName(e.getKey());
        list.add(a);
      }
      list.encode(out, NDList.Encoding.SAFETENSORS);
    }
    return values;
  }

  /**
   * The shapes of {@code layers} BERT layers under Hugging Face names ({@code prefix} +
   * {@code encoder.layer.N.attention.self.query.weight}, …), hidden {@code h}, FFN {@code ffn}.
   */
  public static void putBertLayers(Map<String, long[]> s, String prefix, int layers, int h, int ffn) {
    for (int l = 0; l < layers; l++) {
      String p = prefix + "encoder.layer." + l + ".";
      for (String m : new String[] {"attention.self.query", "attention.self.key", "attention.self.value",
          "attention.output.dense"}) {
        s.put(p + m + ".weight", new long[] {h, h});
        s.put(p + m + ".bias", new long[] {h});
      }
      s.put(p + "attention.output.LayerNorm.weight", new long[] {h});
      s.put(p + "attention.output.LayerNorm.bias", new long[] {h});
      s.put(p + "intermediate.dense.weight", new long[] {ffn, h});
      s.put(p + "intermediate.dense.bias", new long[] {ffn});
      s.put(p + "output.dense.weight", new long[] {h, ffn});
      s.put(p + "output.dense.bias", new long[] {h});
      s.put(p + "output.LayerNorm.weight", new long[] {h});
      s.put(p + "output.LayerNorm.bias", new long[] {h});
    }
  }
}
