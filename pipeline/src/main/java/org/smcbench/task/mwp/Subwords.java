package org.smcbench.task.mwp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A problem's words as a pretrained encoder's sub-word input, {@code [CLS] w1-pieces … [SEP]},
 * with the word each piece came from, so the encoder's outputs can be pooled back to one vector
 * per word (the tree decoder copies quantities by word position).
 *
 * <p>SVAMP's code feeds the sub-word sequence itself to the GRU while its quantity positions count
 * words, so from the first split word on they point at the wrong states; pooling per word keeps
 * them aligned.
 *
 * @param ids    sub-word ids, specials included
 * @param wordOf for each id, the index of its word; -1 for {@code [CLS]} and {@code [SEP]}
 */
public record Subwords(int[] ids, int[] wordOf) implements Serializable {
  public Subwords {
    if (ids.length != wordOf.length) {
      throw new IllegalArgumentException("ids and word indices differ in length");
    }
  }

  /** Tokenizes each word on its own ({@code tokenize}: word → piece ids) and wraps the result in specials. */
  public static Subwords of(List<String> words, Function<String, int[]> tokenize, int cls, int sep) {
    List<int[]> pieces = new ArrayList<>(words.size());
    int n = 2;
    for (String w : words) {
      int[] p = tokenize.apply(w);
      if (p.length == 0) {
        throw new IllegalArgumentException("the tokenizer gives no piece for word '" + w + "'");
      }
      pieces.add(p);
      n += p.length;
    }
    int[] ids = new int[n];
    int[] wordOf = new int[n];
    ids[0] = cls;
    wordOf[0] = -1;
    int at = 1;
    for (int w = 0; w < pieces.size(); w++) {
      for (int id : pieces.get(w)) {
        ids[at] = id;
        wordOf[at++] = w;
      }
    }
    ids[at] = sep;
    wordOf[at] = -1;
    return new Subwords(ids, wordOf);
  }
}
