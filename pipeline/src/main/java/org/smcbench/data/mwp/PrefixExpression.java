package org.smcbench.data.mwp;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.smcbench.data.ParseOutcome;

/**
 * A math word problem's equation in prefix (Polish) notation, as the datasets write it and as a
 * model generates it: binary operators {@code + - * / ^}, quantity references {@code number<i>}
 * (the i-th entry of the problem's Numbers) and numeric constants such as {@code 100.0}.
 *
 * <p>Parsing and evaluation never throw on bad input: a malformed token list is a
 * {@link ParseOutcome.Malformed}, and a value that does not exist (division by zero, a missing
 * quantity, overflow, NaN) is an {@link Evaluation#isValid() invalid} evaluation, so a model's
 * garbled prediction simply counts as wrong.
 */
public final class PrefixExpression implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Strict decimal syntax: Double.parseDouble would also accept "NaN", "Infinity", "1d", hex. */
  static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern QUANTITY = Pattern.compile("number(\\d{1,6})");
  private static final String OPERATORS = "+-*/^";

  // Parallel arrays, one entry per token: kind, and its quantity index or constant value.
  private static final byte OPERATOR = 0;
  private static final byte QUANTITY_REF = 1;
  private static final byte CONSTANT = 2;

  private final String[] tokens;
  private final byte[] kinds;
  private final double[] constants;
  private final int[] quantities;

  private PrefixExpression(String[] tokens, byte[] kinds, double[] constants, int[] quantities) {
    this.tokens = tokens;
    this.kinds = kinds;
    this.constants = constants;
    this.quantities = quantities;
  }

  /** The value of an expression for one problem's numbers, or why it has none. */
  public record Evaluation(double value, String invalidReason) implements Serializable {
    static Evaluation valid(double value) {
      return new Evaluation(value, null);
    }

    static Evaluation invalid(String reason) {
      return new Evaluation(Double.NaN, reason);
    }

    public boolean isValid() {
      return invalidReason == null;
    }
  }

  /** Parses prefix tokens; the reason of a malformed list names the offending token and its position. */
  public static ParseOutcome<PrefixExpression> parse(List<String> tokenList) {
    if (tokenList == null || tokenList.isEmpty()) {
      return ParseOutcome.malformed("empty expression");
    }
    int n = tokenList.size();
    String[] tokens = tokenList.toArray(new String[0]);
    byte[] kinds = new byte[n];
    double[] constants = new double[n];
    int[] quantities = new int[n];
    // Right to left, each operand pushes one subtree and each operator pops two and pushes one:
    // exactly one subtree must remain and no operator may find fewer than two.
    int depth = 0;
    for (int i = n - 1; i >= 0; i--) {
      String t = tokens[i];
      if (t.length() == 1 && OPERATORS.indexOf(t.charAt(0)) >= 0) {
        kinds[i] = OPERATOR;
        if (depth < 2) {
          return ParseOutcome.malformed("too few operands for '" + t + "' at token " + (i + 1));
        }
        depth--;
        continue;
      }
      var q = QUANTITY.matcher(t);
      if (q.matches()) {
        kinds[i] = QUANTITY_REF;
        quantities[i] = Integer.parseInt(q.group(1));
      } else if (DECIMAL.matcher(t).matches()) {
        kinds[i] = CONSTANT;
        constants[i] = Double.parseDouble(t);
      } else {
        return ParseOutcome.malformed("unknown token '" + t + "' at token " + (i + 1));
      }
      depth++;
    }
    if (depth != 1) {
      return ParseOutcome.malformed("too many operands: " + depth + " expressions side by side, not one");
    }
    return ParseOutcome.ok(new PrefixExpression(tokens, kinds, constants, quantities));
  }

  /** Parses and evaluates in one step: a malformed token list is an invalid evaluation. */
  public static Evaluation evaluate(List<String> tokens, double[] numbers) {
    ParseOutcome<PrefixExpression> parsed = parse(tokens);
    if (parsed instanceof ParseOutcome.Malformed<PrefixExpression> bad) {
      return Evaluation.invalid(bad.reason());
    }
    return ((ParseOutcome.Ok<PrefixExpression>) parsed).value().evaluate(numbers);
  }

  /** The value with {@code number<i>} replaced by {@code numbers[i]}. */
  public Evaluation evaluate(double[] numbers) {
    Deque<Double> stack = new ArrayDeque<>();
    for (int i = tokens.length - 1; i >= 0; i--) {
      switch (kinds[i]) {
        case QUANTITY_REF -> {
          if (quantities[i] >= numbers.length) {
            return Evaluation.invalid(tokens[i] + " has no matching number (" + numbers.length + " numbers)");
          }
          stack.push(numbers[quantities[i]]);
        }
        case CONSTANT -> stack.push(constants[i]);
        default -> {
          double left = stack.pop();
          double right = stack.pop();
          char op = tokens[i].charAt(0);
          if (op == '/' && right == 0.0) {
            return Evaluation.invalid("division by zero at token " + (i + 1));
          }
          double v = apply(op, left, right);
          if (!Double.isFinite(v)) {
            return Evaluation.invalid("'" + op + "' at token " + (i + 1) + " gives " + v);
          }
          stack.push(v);
        }
      }
    }
    return Evaluation.valid(stack.pop());
  }

  private static double apply(char op, double a, double b) {
    return switch (op) {
      case '+' -> a + b;
      case '-' -> a - b;
      case '*' -> a * b;
      case '/' -> a / b;
      case '^' -> Math.pow(a, b);
      default -> throw new IllegalStateException("not an operator: " + op);
    };
  }

  public List<String> tokens() {
    return List.of(tokens);
  }

  /** The largest {@code i} of the {@code number<i>} references, or -1 when there are none. */
  public int maxQuantityIndex() {
    int max = -1;
    for (int i = 0; i < tokens.length; i++) {
      if (kinds[i] == QUANTITY_REF) {
        max = Math.max(max, quantities[i]);
      }
    }
    return max;
  }

  /** Infix for people: {@code number0 - (number1 * 2)}; every inner operation is parenthesised. */
  public String infix() {
    return infix(null);
  }

  /** Infix with quantities replaced by their numbers ({@code 8 - 2}); missing ones stay as names. */
  public String infix(double[] numbers) {
    StringBuilder out = new StringBuilder();
    render(0, numbers, out, true);
    return out.toString();
  }

  /** Renders the subtree starting at token {@code pos}; returns the position after it. */
  private int render(int pos, double[] numbers, StringBuilder out, boolean top) {
    if (kinds[pos] == CONSTANT) {
      out.append(format(constants[pos]));
      return pos + 1;
    }
    if (kinds[pos] == QUANTITY_REF) {
      boolean known = numbers != null && quantities[pos] < numbers.length;
      out.append(known ? format(numbers[quantities[pos]]) : tokens[pos]);
      return pos + 1;
    }
    out.append(top ? "" : "(");
    int next = render(pos + 1, numbers, out, false);
    out.append(' ').append(tokens[pos]).append(' ');
    next = render(next, numbers, out, false);
    out.append(top ? "" : ")");
    return next;
  }

  /** Shortest exact decimal: 8 not 8.0, 0.01 not 1.0E-2. */
  static String format(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrefixExpression other && Arrays.equals(tokens, other.tokens);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tokens);
  }

  @Override
  public String toString() {
    return String.join(" ", tokens);
  }
}
