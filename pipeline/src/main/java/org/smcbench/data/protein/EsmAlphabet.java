package org.smcbench.data.protein;

import java.util.List;

/**
 * The 33-symbol alphabet of ESM-1b and ESM-2, in the order of their vocabularies (so token ids
 * match a real checkpoint's embedding rows): four specials, the 20 standard residues by
 * frequency, the ambiguity / rare codes X B U Z O, gap symbols, {@code <null_1>} and
 * {@code <mask>}. A sequence is encoded as {@code <cls> residues <eos>}.
 */
public final class EsmAlphabet {
  public static final List<String> TOKENS = List.of(
      "<cls>", "<pad>", "<eos>", "<unk>",
      "L", "A", "G", "V", "S", "E", "R", "T", "I", "D", "P", "K", "Q", "N", "F", "Y", "M", "H", "W", "C",
      "X", "B", "U", "Z", "O", ".", "-", "<null_1>", "<mask>");
  public static final int SIZE = TOKENS.size();
  public static final int CLS = 0;
  public static final int PAD = 1;
  public static final int EOS = 2;
  public static final int UNK = 3;
  public static final int MASK = 32;
  /** Ids of the residue symbols a masked-LM may substitute (L..C, the 20 standard amino acids). */
  public static final int FIRST_STANDARD = 4;
  public static final int LAST_STANDARD = 23;
  /** The 20 standard amino acids, in alphabet order (composition features use this order). */
  public static final String STANDARD = "LAGVSERTIDPKQNFYMHWC";

  private static final int[] ID_OF = new int[128];

  static {
    java.util.Arrays.fill(ID_OF, -1);
    for (int id = 0; id < SIZE; id++) {
      String t = TOKENS.get(id);
      if (t.length() == 1) {
        ID_OF[t.charAt(0)] = id;
      }
    }
  }

  private EsmAlphabet() {}

  /** Id of one residue symbol (upper case), or -1 when it is not in the alphabet. */
  public static int idOf(char residue) {
    return residue < 128 ? ID_OF[residue] : -1;
  }

  /** Index of the first symbol of {@code sequence} outside the alphabet, or -1 when there is none. */
  public static int firstUnknown(String sequence) {
    for (int i = 0; i < sequence.length(); i++) {
      if (idOf(sequence.charAt(i)) < 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code <cls>}, the first {@code maxResidues} residues (all when it is 0 or less), {@code <eos>}.
   * Fails on a symbol outside the alphabet (ingest quarantines those records first).
   */
  public static int[] encode(String sequence, int maxResidues) {
    int n = maxResidues > 0 ? Math.min(maxResidues, sequence.length()) : sequence.length();
    int[] ids = new int[n + 2];
    ids[0] = CLS;
    for (int i = 0; i < n; i++) {
      int id = idOf(sequence.charAt(i));
      if (id < 0) {
        throw new IllegalArgumentException("residue '" + sequence.charAt(i) + "' at " + (i + 1)
            + " is not in the ESM alphabet");
      }
      ids[i + 1] = id;
    }
    ids[n + 1] = EOS;
    return ids;
  }

  /** {@code <cls>} + the first maxTokens − 2 residues + {@code <eos>}; shorter encodings as they are. */
  public static int[] truncate(int[] tokens, int maxTokens) {
    return ProteinVocabulary.ESM.truncate(tokens, maxTokens);
  }
}
