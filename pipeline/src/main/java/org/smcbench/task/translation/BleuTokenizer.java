package org.smcbench.task.translation;

import java.io.Serializable;

/**
 * One of sacreBLEU's BLEU tokenizers: turns a detokenized line into space-separated tokens before
 * n-grams are counted. Implementations are stateless and thread-safe; get them from {@link BleuTokenizers}.
 */
public interface BleuTokenizer extends Serializable {
  /** The name sacreBLEU gives the tokenizer, as it appears in the signature's {@code tok:} field. */
  String name();

  /** The tokenized line, exactly as sacreBLEU's tokenizer of that name returns it. */
  String tokenize(String line);
}
