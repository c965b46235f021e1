package org.smcbench.model.gts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;

/**
 * GTS's encoder: a bidirectional GRU (PyTorch parameter names and layout, {@code encoder.gru.*})
 * over right-padded sentences, the two directions summed per position; the problem vector (root
 * goal) is the forward state at the last real token plus the backward state at the first.
 *
 * <p>GTS packs the batch so padding never enters the recurrence. Here each direction of each layer
 * is one call of libtorch's fused GRU; the backward direction runs on every sentence reversed
 * within its own length (padding stays at the end), which gives exactly the packed result. GTS
 * reads the forward state at the last padded row ({@code outputs[-1]}), which is zero for shorter
 * sentences under packing; using the last real token is the intended quantity.
 */
final class BiGruEncoder extends GtsBlock {
  private static final String[] DIRECTIONS = {"", "_reverse"};
  private final GtsConfig config;
  /** Per layer, per direction: weight_ih, weight_hh, bias_ih, bias_hh. */
  private final List<Parameter[]> cells = new ArrayList<>();

  BiGruEncoder(GtsConfig config, long seed) {
    super(seed);
    this.config = config;
    long h = config.hidden();
    for (int layer = 0; layer < config.encoderLayers(); layer++) {
      long in = layer == 0 ? config.embedding() : 2 * h;
      for (String d : DIRECTIONS) {
        String p = "encoder.gru.";
        String s = "_l" + layer + d;
        cells.add(new Parameter[] {
            recurrent(p + "weight_ih" + s, new Shape(3 * h, in), h, true),
            recurrent(p + "weight_hh" + s, new Shape(3 * h, h), h, true),
            recurrent(p + "bias_ih" + s, new Shape(3 * h), h, false),
            recurrent(p + "bias_hh" + s, new Shape(3 * h), h, false)});
      }
    }
  }

  /** Encoder states [B, T, H] and problem vectors [B, H]. */
  record Encoded(NDArray states, NDArray problem) {}

  /** @param x embedded words [B, T, E]; lengths real tokens per sentence (≥ 1) */
  Encoded encode(ParameterStore ps, NDArray x, long[] lengths, boolean training) {
    int b = Math.toIntExact(x.getShape().get(0));
    int t = Math.toIntExact(x.getShape().get(1));
    NDManager manager = x.getManager();
    NDArray reverse = manager.create(reversalIndex(lengths, t), new Shape((long) b * t));
    NDArray input = x;
    NDArray forward = null;
    NDArray backward = null;
    for (int layer = 0; layer < config.encoderLayers(); layer++) {
      if (layer > 0) {
        // nn.GRU's inter-layer dropout
        input = dropout(forward.concat(backward, 2), config.dropout(), training);
      }
      forward = run(ps, input, cells.get(2 * layer), training);
      backward = permuteTime(run(ps, permuteTime(input, reverse), cells.get(2 * layer + 1), training), reverse);
    }
    NDArray states = forward.add(backward);
    long h = config.hidden();
    long[] last = new long[b];
    long[] first = new long[b];
    for (int i = 0; i < b; i++) {
      last[i] = (long) i * t + lengths[i] - 1;
      first[i] = (long) i * t;
    }
    NDArray problem = forward.reshape((long) b * t, h).get(manager.create(last))
        .add(backward.reshape((long) b * t, h).get(manager.create(first)));
    return new Encoded(states, problem);
  }

  /** One direction of one layer: libtorch's GRU from a zero state, batch first. */
  private NDArray run(ParameterStore ps, NDArray input, Parameter[] cell, boolean training) {
    NDList params = new NDList(4);
    for (Parameter p : cell) {
      params.add(value(ps, p, input, training));
    }
    Shape s = input.getShape();
    NDArray h0 = input.getManager().zeros(new Shape(1, s.get(0), config.hidden()), DataType.FLOAT32, input.getDevice());
    return input.getNDArrayInternal().gru(input, h0, params, true, 1, 0.0, training, false, true).get(0);
  }

  /** Reorders the time axis of [B, T, D] by the flat index (an involution for within-length reversal). */
  private static NDArray permuteTime(NDArray x, NDArray flatIndex) {
    Shape s = x.getShape();
    return x.reshape(s.get(0) * s.get(1), s.get(2)).get(flatIndex).reshape(s);
  }

  /** Row b*T + t holds b*T + (L_b − 1 − t) for real tokens, itself for padding. */
  static long[] reversalIndex(long[] lengths, int t) {
    long[] index = new long[lengths.length * t];
    for (int b = 0; b < lengths.length; b++) {
      for (int i = 0; i < t; i++) {
        index[b * t + i] = (long) b * t + (i < lengths[b] ? lengths[b] - 1 - i : i);
      }
    }
    return index;
  }

  List<PrunableTensor> prunableScope() {
    List<PrunableTensor> scope = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      scope.add(prunable(cells.get(c)[0], ModuleKind.GRU, c / 2));
      scope.add(prunable(cells.get(c)[1], ModuleKind.GRU, c / 2));
    }
    return scope;
  }
}
