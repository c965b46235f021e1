package org.smcbench.model;

import java.util.Map;
import org.smcbench.model.bert.BertMultipleChoiceFamily;
import org.smcbench.model.esm.EsmFamily;
import org.smcbench.model.gts.GtsFamily;
import org.smcbench.model.mbart.MbartFamily;
import org.smcbench.model.tape.TapeFamily;

/** Model families by the name a model's {@code family} key uses. */
public final class ModelFamilies {
  private static final Map<String, ModelFamily> FAMILIES = Map.of(
      BertMultipleChoiceFamily.NAME, new BertMultipleChoiceFamily(),
      GtsFamily.NAME, GtsFamily.gts(),
      GtsFamily.GRAPH2TREE, GtsFamily.graph2tree(),
      EsmFamily.NAME, EsmFamily.sequence(),
      EsmFamily.STRUCTURE, EsmFamily.structure(),
      TapeFamily.NAME, new TapeFamily(),
      MbartFamily.NAME, new MbartFamily());

  private ModelFamilies() {}

  public static boolean isKnown(String name) {
    return FAMILIES.containsKey(name);
  }

  public static ModelFamily get(String name) {
    ModelFamily family = FAMILIES.get(name);
    if (family == null) {
      throw new IllegalArgumentException("unknown model family '" + name + "'; known: " + FAMILIES.keySet());
    }
    return family;
  }
}
