package org.smcbench.data.protein;

/** The malformed reason shared by the sequence readers for a residue the ESM vocabulary lacks. */
final class EsmResidues {
  private EsmResidues() {}

  /** Null when every symbol of {@code sequence} is in {@link EsmAlphabet}, else a reason naming the first other one. */
  static String unknownResidueReason(String sequence) {
    int at = EsmAlphabet.firstUnknown(sequence);
    if (at < 0) {
      return null;
    }
    char c = sequence.charAt(at);
    // A control or non-ASCII symbol is named by its code point, so the reason stays readable.
    String shown = c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    return "residue " + shown + " at " + (at + 1) + " is not in the " + EsmAlphabet.SIZE + "-symbol ESM alphabet";
  }
}
