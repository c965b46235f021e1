package org.smcbench.data.protein;

import java.util.List;

/**
 * TAPE's 30-token IUPAC vocabulary (Rao et al. 2019, {@code tape/tokenizers.py}), in its id order
 * so ids match the rows of a TAPE checkpoint's word embedding: five specials, then the 25 IUPAC
 * letters A-Z without J. A sequence is encoded as {@code <cls> residues <sep>}.
 *
 * <p>TAPE's own tokenizer raises on a letter it lacks; here such a residue becomes {@code <unk>}.
 * Ingest keeps only sequences over the ESM alphabet, so the residues that reach this mapping
 * without a TAPE id are the ESM gap symbols {@code .} and {@code -}.
 */
public final class TapeVocabulary {
  public static final List<String> TOKENS = List.of(
      "<pad>", "<mask>", "<cls>", "<sep>", "<unk>",
      "A", "B", "C", "D", "E", "F", "G", "H", "I", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V",
      "W", "X", "Y", "Z");
  public static final int SIZE = TOKENS.size();
  public static final int PAD = 0;
  public static final int MASK = 1;
  public static final int CLS = 2;
  public static final int SEP = 3;
  public static final int UNK = 4;

  private static final int[] ID_OF = new int[128];

  static {
    java.util.Arrays.fill(ID_OF, UNK);
    for (int id = 0; id < SIZE; id++) {
      String t = TOKENS.get(id);
      if (t.length() == 1) {
        ID_OF[t.charAt(0)] = id;
      }
    }
  }

  private TapeVocabulary() {}

  /** Id of one residue symbol (upper case); {@link #UNK} for any symbol the vocabulary lacks. */
  public static int idOf(char residue) {
    return residue < 128 ? ID_OF[residue] : UNK;
  }

  /** {@code <cls>}, the first {@code maxResidues} residues (all when it is 0 or less), {@code <sep>}. */
  public static int[] encode(String sequence, int maxResidues) {
    int n = maxResidues > 0 ? Math.min(maxResidues, sequence.length()) : sequence.length();
    int[] ids = new int[n + 2];
    ids[0] = CLS;
    for (int i = 0; i < n; i++) {
      ids[i + 1] = idOf(sequence.charAt(i));
    }
    ids[n + 1] = SEP;
    return ids;
  }
}
