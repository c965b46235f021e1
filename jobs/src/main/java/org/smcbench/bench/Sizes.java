package org.smcbench.bench;

import java.math.BigDecimal;
import java.util.Locale;

/** Value counts written the way people say them: {@code 10M}, {@code 355M}, {@code 500K}, {@code 1.5G}, {@code 4096}. */
public final class Sizes {
  private Sizes() {}

  /** Decimal suffixes (K = 10^3, M = 10^6, G = 10^9); the result must be a positive whole count. */
  public static long parse(String text) {
    String s = text.trim().toUpperCase(Locale.ROOT);
    int exponent = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
      case 'K' -> 3;
      case 'M' -> 6;
      case 'G' -> 9;
      default -> 0;
    };
    String number = exponent == 0 ? s : s.substring(0, s.length() - 1);
    try {
      long n = new BigDecimal(number).scaleByPowerOfTen(exponent).longValueExact();
      if (n <= 0) {
        throw new IllegalArgumentException("size '" + text + "' is not positive");
      }
      return n;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("size '" + text + "' is not a whole count like 10M, 500K or 4096");
    }
  }
}
