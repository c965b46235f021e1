package org.smcbench.model.gts;

import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/** Argmax decoding of every problem of a batch in lockstep (the width-1 limit of {@link BeamSearch}). */
final class GreedyDecoder {
  private final TreeDecoder decoder;

  GreedyDecoder(TreeDecoder decoder) {
    this.decoder = decoder;
  }

  Prediction[] decode(ParameterStore ps, ProblemMemory memory, int maxLength) {
    Prediction[] out = new Prediction[memory.problems()];
    List<DecoderState> live = TreeDecoder.roots(memory);
    int v = decoder.config().outputSize();
    for (int t = 0; t < maxLength && !live.isEmpty(); t++) {
      StepResult step = decoder.step(ps, memory, live, false);
      float[] logProbs = step.logProbs().toFloatArray();
      int a = step.order().size();
      int[] rows = new int[a];
      int[] tokens = new int[a];
      double[] lps = new double[a];
      for (int r = 0; r < a; r++) {
        rows[r] = r;
        tokens[r] = BeamSearch.topK(logProbs, r * v, v, 1)[0];
        lps[r] = logProbs[r * v + tokens[r]];
      }
      List<DecoderState> next = new ArrayList<>(a);
      for (DecoderState s : decoder.advance(ps, step, rows, tokens, lps, false)) {
        if (s.finished()) {
          out[s.problem()] = new Prediction(s.tokens(), true, s.score());
        } else {
          next.add(s);
        }
      }
      live = next;
    }
    for (DecoderState s : live) {
      out[s.problem()] = new Prediction(s.tokens(), false, s.score());
    }
    return out;
  }
}
