package org.smcbench.sparsity.select;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semi-structured N:M sparsity: in every group of M consecutive entries along a tensor's last
 * axis (the input dimension of an [out, in] weight, which is what sparse tensor cores group),
 * exactly N are kept. 2:4 is what NVIDIA Ampere and later accelerate; its sparsity is 1 − N/M.
 */
public record NmPattern(int n, int m) implements Serializable {
  private static final Pattern LABEL = Pattern.compile("(\\d+):(\\d+)");

  public NmPattern {
    if (m < 2 || n < 1 || n >= m) {
      throw new IllegalArgumentException("an N:M pattern needs 1 <= N < M and M >= 2, got " + n + ":" + m);
    }
  }

  /** "2:4" → (2, 4); null when {@code label} is not of that form (e.g. "global"). */
  public static NmPattern parse(String label) {
    Matcher matcher = LABEL.matcher(label);
    return matcher.matches() ? new NmPattern(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
        : null;
  }

  /** The fraction of entries the pattern prunes. */
  public double sparsity() {
    return 1.0 - (double) n / m;
  }

  public String label() {
    return n + ":" + m;
  }
}
