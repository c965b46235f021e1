package org.smcbench.model.esm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.smcbench.data.protein.EsmAlphabet;

/** Tiny ESM shapes and batches shared by the tests of this package. */
final class TinyEsm {
  static final int H = 16;
  static final int FFN = 32;
  static final int LAYERS = 2;

  private TinyEsm() {}

  /** ESM-2 layout: rotary positions, no LayerNorm before the layers, token dropout. */
  static EsmConfig esm2() {
    return new EsmConfig(EsmAlphabet.SIZE, H, LAYERS, 2, FFN, 64, EsmConfig.ROTARY, 1e-5, false, true,
        EsmAlphabet.PAD, EsmAlphabet.MASK, 0.0);
  }

  /** ESM-1b layout: learned absolute positions and a LayerNorm right after the embeddings. */
  static EsmConfig esm1b() {
    return new EsmConfig(EsmAlphabet.SIZE, H, LAYERS, 2, FFN, 64, EsmConfig.ABSOLUTE, 1e-5, true, true,
        EsmAlphabet.PAD, EsmAlphabet.MASK, 0.0);
  }

  /**
   * {@code <cls> residues <eos>} per sequence, right-padded to the longest: ids int64, attention
   * mask int64 (1 real, 0 pad) and pool mask float (1 on residues only), each [B, T].
   */
  static NDList batch(NDManager manager, List<String> sequences) {
    int length = sequences.stream().mapToInt(String::length).max().orElse(0) + 2;
    long[] ids = new long[sequences.size() * length];
    long[] attention = new long[ids.length];
    float[] pool = new float[ids.length];
    java.util.Arrays.fill(ids, EsmAlphabet.PAD);
    for (int s = 0; s < sequences.size(); s++) {
      int[] tokens = EsmAlphabet.encode(sequences.get(s), 0);
      for (int t = 0; t < tokens.length; t++) {
        ids[s * length + t] = tokens[t];
        attention[s * length + t] = 1;
        pool[s * length + t] = t > 0 && t < tokens.length - 1 ? 1 : 0;
      }
    }
    Shape shape = new Shape(sequences.size(), length);
    return new NDList(manager.create(ids, shape), manager.create(attention, shape), manager.create(pool, shape));
  }

  /**
   * Overwrites every parameter with normal(0, std) values, so attention is far from uniform and a
   * padding or masking mistake shows in the outputs (the 0.02 initialisation hides most of them).
   */
  static void randomize(Map<String, Parameter> parameters, long seed, double std) {
    Random random = new Random(seed);
    for (Parameter p : parameters.values()) {
      NDArray array = p.getArray();
      float[] values = new float[Math.toIntExact(array.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) (random.nextGaussian() * std);
      }
      array.set(FloatBuffer.wrap(values));
    }
  }
}
