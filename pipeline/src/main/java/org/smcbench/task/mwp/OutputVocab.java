package org.smcbench.task.mwp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * GTS's output layout: binary operators first, then the constants the decoder may generate, then
 * one slot per copied quantity of the problem ({@code N0 .. N(max-1)}). Scores are produced in
 * this order (operator classifier, then constant and quantity candidates), so ids index the
 * logits directly.
 */
public record OutputVocab(List<String> operators, List<String> constants, int maxQuantities) implements Serializable {
  /** Every operator the decoder knows, in the order they are laid out when present. */
  public static final List<String> ALL_OPERATORS = List.of("+", "-", "*", "/", "^");

  public OutputVocab {
    operators = List.copyOf(operators);
    constants = List.copyOf(constants);
    if (operators.isEmpty()) {
      throw new IllegalArgumentException("an output vocabulary needs at least one operator");
    }
    for (String op : operators) {
      if (!ALL_OPERATORS.contains(op)) {
        throw new IllegalArgumentException("unknown operator '" + op + "'");
      }
    }
    if (maxQuantities < 1) {
      throw new IllegalArgumentException("maxQuantities must be >= 1");
    }
  }

  public int size() {
    return operators.size() + constants.size() + maxQuantities;
  }

  public int numOperators() {
    return operators.size();
  }

  public int numConstants() {
    return constants.size();
  }

  /** First id that is a leaf (constant or quantity); GTS's {@code num_start}. */
  public int leafStart() {
    return operators.size();
  }

  /** First quantity slot id. */
  public int quantityStart() {
    return operators.size() + constants.size();
  }

  public boolean isOperator(int id) {
    return id >= 0 && id < operators.size();
  }

  /** Quantity index of a slot id, or -1 when {@code id} is not a quantity slot. */
  public int quantityIndex(int id) {
    return id >= quantityStart() && id < size() ? id - quantityStart() : -1;
  }

  public String token(int id) {
    if (id < 0 || id >= size()) {
      throw new IllegalArgumentException("output id " + id + " outside [0, " + size() + ")");
    }
    if (id < operators.size()) {
      return operators.get(id);
    }
    if (id < quantityStart()) {
      return constants.get(id - operators.size());
    }
    return "N" + (id - quantityStart());
  }

  /** The id of {@code token} ({@code N3} or {@code number3} for a quantity), or -1 when unknown. */
  public int id(String token) {
    int op = operators.indexOf(token);
    if (op >= 0) {
      return op;
    }
    int q = quantitySlot(token);
    if (q >= 0) {
      return q < maxQuantities ? quantityStart() + q : -1;
    }
    int c = constants.indexOf(canonicalConstant(token));
    return c >= 0 ? operators.size() + c : -1;
  }

  public List<String> tokens(int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(token(id));
    }
    return out;
  }

  /**
   * The tokens in the datasets' own naming ({@code N3} → {@code number3}), which the shared
   * {@link org.smcbench.data.mwp.PrefixExpression} evaluates.
   */
  public static List<String> asDatasetTokens(List<String> tokens) {
    return tokens.stream().map(t -> t.startsWith("N") && quantitySlot(t) >= 0 ? "number" + quantitySlot(t) : t).toList();
  }

  /** {@code N3} / {@code number3} → 3; anything else → -1. */
  public static int quantitySlot(String token) {
    String digits = token.startsWith("number") ? token.substring(6)
        : token.startsWith("N") ? token.substring(1) : null;
    if (digits == null || digits.isEmpty() || digits.length() > 4) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }

  /** One spelling per constant value ({@code 1.0} and {@code 1} are the same constant). */
  static String canonicalConstant(String token) {
    try {
      double v = Double.parseDouble(token);
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        return Long.toString((long) v);
      }
      return Double.toString(v);
    } catch (NumberFormatException e) {
      return token;
    }
  }
}
