package org.smcbench.task;

import java.util.Map;
import org.smcbench.task.mc.MultipleChoiceTask;
import org.smcbench.task.mwp.MwpTask;
import org.smcbench.task.protein.ProteinTask;
import org.smcbench.task.translation.TranslationTask;

/** Tasks by the name a dataset's {@code task} key uses. */
public final class Tasks {
  private static final Map<String, Task<?>> TASKS = Map.of(
      MultipleChoiceTask.NAME, new MultipleChoiceTask(),
      MwpTask.NAME, new MwpTask(),
      ProteinTask.CLASSIFICATION, ProteinTask.classification(),
      ProteinTask.REGRESSION, ProteinTask.regression(),
      TranslationTask.NAME, new TranslationTask());

  private Tasks() {}

  public static Task<?> get(String name) {
    Task<?> task = TASKS.get(name);
    if (task == null) {
      throw new IllegalArgumentException("unknown task '" + name + "'; known: " + TASKS.keySet());
    }
    return task;
  }

  public static boolean isKnown(String name) {
    return TASKS.containsKey(name);
  }
}
