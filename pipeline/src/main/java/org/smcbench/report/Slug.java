package org.smcbench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Safe, unique chart file names made from dataset, model and sparsity labels. */
final class Slug {
  private final Set<String> used = new HashSet<>();

  /** Lower-case ASCII letters and digits joined by single dashes ("RoBERTa/base" → "roberta-base"). */
  static String of(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "x" : slug;
  }

  /** A sparsity fraction as a percentage without float noise: 0.9 → "90", 0.875 → "87.5". */
  static String percent(double fraction) {
    return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /**
   * A file name from the given parts, unique within this report: two labels that slugify alike
   * ("a/b" and "a-b") must not overwrite each other's chart.
   */
  String file(String prefix, String... parts) {
    StringBuilder base = new StringBuilder(prefix);
    for (String p : parts) {
      base.append('-').append(of(p));
    }
    String name = base.toString();
    for (int n = 2; !used.add(name); n++) {
      name = base + "-" + n;
    }
    return name + ".png";
  }
}
