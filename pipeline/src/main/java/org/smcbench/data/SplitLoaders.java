package org.smcbench.data;

import java.util.Map;
import org.smcbench.data.mwp.MwpDataLoader;
import org.smcbench.model.ModelFamilies;
import org.smcbench.task.mc.MultipleChoiceTask;
import org.smcbench.task.mwp.MwpTask;
import org.smcbench.task.protein.ProteinTask;
import org.smcbench.data.protein.ProteinDataLoader;

/** The {@link SplitLoader} of each task, by task name. */
public final class SplitLoaders {
  private static final SplitLoader MULTIPLE_CHOICE = (warehouse, dataset, spec) -> {
    byte[] tokenizer = ModelFamilies.get(spec.model().family()).tokenizerJson(spec.model());
    return new SplitLoader.RunData(
        McDataLoader.load(warehouse, spec.dataset(), "train", spec.model().name(), spec.training().maxTrainExamples(),
            tokenizer),
        McDataLoader.load(warehouse, spec.dataset(), spec.evalSplit(), spec.model().name(),
            spec.training().maxEvalExamples(), tokenizer));
  };

  private static final Map<String, SplitLoader> LOADERS = Map.of(
      MultipleChoiceTask.NAME, MULTIPLE_CHOICE,
      MwpTask.NAME, MwpDataLoader::load,
      ProteinTask.CLASSIFICATION, ProteinDataLoader::load,
      ProteinTask.REGRESSION, ProteinDataLoader::load,
      org.smcbench.task.translation.TranslationTask.NAME, org.smcbench.data.translation.TranslationDataLoader::load);

  private SplitLoaders() {}

  public static SplitLoader forTask(String task) {
    SplitLoader loader = LOADERS.get(task);
    if (loader == null) {
      throw new IllegalArgumentException("no split loader for task '" + task + "'; known: " + LOADERS.keySet());
    }
    return loader;
  }
}
