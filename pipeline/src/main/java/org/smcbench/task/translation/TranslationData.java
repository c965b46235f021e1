package org.smcbench.task.translation;

import java.util.List;
import org.smcbench.task.TaskData;

/**
 * One split of a translation dataset as its task trains on it: per example the source ids
 * {@code [src_lang] X </s>} and the target ids {@code [tgt_lang] Y </s>} (mBART-50's format, both
 * truncated to the model's length), its direction, and the reference text BLEU is scored against.
 *
 * @param directions    the dataset's directions, e.g. [fr-en, en-fr, cs-en, en-cs]
 * @param direction     per example, its index in {@code directions}
 * @param references    per example, the target sentence as in the file (untokenized)
 * @param tokenizerJson the Hugging Face {@code tokenizer.json} the ids come from; decodes hypotheses
 * @param sources       per example, the source sentence as in the file (the copy-the-source baseline)
 * @param vocabularySize rows of the model's token table the tokenizer needs
 */
public record TranslationData(
    List<String> directions,
    int[] direction,
    int[][] source,
    int[][] target,
    String[] references,
    String[] sources,
    byte[] tokenizerJson,
    int vocabularySize,
    long sourceVersion) implements TaskData {

  @Override
  public int size() {
    return source.length;
  }

  /** Target language of direction {@code d} ("fr-en" → "en"). */
  public String targetLanguage(int d) {
    String name = directions.get(d);
    return name.substring(name.indexOf('-') + 1);
  }
}
