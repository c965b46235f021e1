package org.smcbench.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The one rule every weight import follows: names and shapes must match exactly, and a mismatch is
 * reported all at once (every missing key, unexpected key and shape difference in one message), so a
 * renamed layer is diagnosed in one run rather than one key per run.
 */
public final class CheckpointKeys {
  private CheckpointKeys() {}

  /**
   * @param source      names the checkpoint in the error message
   * @param model       the model's parameters by name
   * @param checkpoint  the checkpoint's tensor shapes by name
   * @param ignorable   checkpoint keys the model may lack without error
   * @throws IllegalArgumentException if any model key is missing from the checkpoint, any
   *     non-ignorable checkpoint key is unknown to the model, or any shape differs
   */
  public static void requireMatch(String source, Map<String, Parameter> model, Map<String, Shape> checkpoint,
      Predicate<String> ignorable) {
    List<String> missing = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    for (Map.Entry<String, Parameter> entry : model.entrySet()) {
      Shape found = checkpoint.get(entry.getKey());
      Shape expected = shapeOf(entry.getValue());
      if (found == null) {
        missing.add(entry.getKey());
      } else if (!found.equals(expected)) {
        mismatched.add(entry.getKey() + " (model " + expected + ", checkpoint " + found + ")");
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (String key : checkpoint.keySet()) {
      if (!model.containsKey(key) && !ignorable.test(key)) {
        unexpected.add(key);
      }
    }
    if (missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder(source).append(" does not match the model:");
    append(message, "missing", missing);
    append(message, "unexpected", unexpected);
    append(message, "shape mismatch", mismatched);
    throw new IllegalArgumentException(message.toString());
  }

  /** The parameter's declared shape, or its array's when it was declared without one. */
  public static Shape shapeOf(Parameter parameter) {
    return parameter.getShape() != null ? parameter.getShape() : parameter.getArray().getShape();
  }

  private static void append(StringBuilder message, String what, List<String> keys) {
    if (!keys.isEmpty()) {
      message.append(' ').append(what).append(' ').append(keys.size()).append(' ').append(keys).append(';');
    }
  }
}
