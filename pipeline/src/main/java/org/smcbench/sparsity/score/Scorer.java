package org.smcbench.sparsity.score;

import java.util.LinkedHashMap;
import java.util.List;
import org.smcbench.model.PrunableTensor;

/**
 * Importance of every entry of a prunable scope: higher means more important to keep. Scores feed
 * {@link org.smcbench.sparsity.select.MaskSelector}; magnitude, random, and later gradient-based
 * criteria (SNIP's |g⊙w|, Wanda's |w|·‖x‖) differ only here.
 */
@FunctionalInterface
public interface Scorer {

  /**
   * One score array per tensor, keyed by tensor name in scope order, each flat row-major with the
   * tensor's element count.
   */
  LinkedHashMap<String, float[]> score(List<PrunableTensor> scope);
}
