package org.smcbench.sparsity.score;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.model.PrunableTensor;

/** Score = |w|, read from the live weights (one host copy per tensor). */
public final class MagnitudeScorer implements Scorer {

  @Override
  public LinkedHashMap<String, float[]> score(List<PrunableTensor> scope) {
    LinkedHashMap<String, float[]> scores = new LinkedHashMap<>();
    for (PrunableTensor t : scope) {
      float[] v = hostCopy(t.array());
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.abs(v[i]);
      }
      ScoreMaps.putUnique(scores, t.name(), v);
    }
    return scores;
  }

  /** The values as float32, converting (in a closed temporary) weights held in another type. */
  static float[] hostCopy(NDArray w) {
    if (w.getDataType() == DataType.FLOAT32) {
      return w.toFloatArray();
    }
    try (NDArray f = w.toType(DataType.FLOAT32, true)) {
      return f.toFloatArray();
    }
  }
}
