package org.smcbench.model.gts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.smcbench.config.ModelSettings;
import org.smcbench.data.TextTokenizer;
import org.smcbench.model.FloatTensor;
import org.smcbench.model.ModelFamilies;
import org.smcbench.model.bert.BertMultipleChoiceFamily;
import org.smcbench.task.mwp.WordVocab;

/**
 * Input embeddings for a tree decoder from a pretrained encoder's token table (the paper inherits
 * RoBERTa's): the row of each vocabulary word is the mean of the rows of the sub-word tokens the
 * encoder's tokenizer splits it into. The quantity token {@code NUM} takes the word "number",
 * {@code <unk>} the mean of all rows, {@code <pad>} zeros (never read: padded positions are masked).
 */
public final class PretrainedWordEmbeddings {
  private PretrainedWordEmbeddings() {}

  public static FloatTensor table(WordVocab vocab, ModelSettings source) {
    if (!BertMultipleChoiceFamily.NAME.equals(source.family())) {
      throw new IllegalArgumentException("embeddings-from " + source.name() + ": family " + source.family()
          + " has no token-embedding table (use a " + BertMultipleChoiceFamily.NAME + " model)");
    }
    FloatTensor tokens = BertMultipleChoiceFamily.tokenEmbeddings(source);
    byte[] tokenizerJson = ModelFamilies.get(source.family()).tokenizerJson(source);
    try (TextTokenizer tokenizer = TextTokenizer.fromJson(new ByteArrayInputStream(tokenizerJson))) {
      return table(vocab, tokens, tokenizer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer of " + source.name(), e);
    }
  }

  static FloatTensor table(WordVocab vocab, FloatTensor tokens, TextTokenizer tokenizer) {
    int rows = (int) tokens.shape()[0];
    int dim = (int) tokens.shape()[1];
    float[] out = new float[vocab.size() * dim];
    float[] mean = meanRow(tokens.data(), rows, dim);
    for (int w = 0; w < vocab.size(); w++) {
      if (w == WordVocab.PAD) {
        continue;
      }
      if (w == WordVocab.UNK) {
        System.arraycopy(mean, 0, out, w * dim, dim);
        continue;
      }
      String word = w == WordVocab.NUM ? "number" : vocab.words().get(w);
      int[] ids = tokenizer.encode(word);
      if (ids.length == 0) {
        System.arraycopy(mean, 0, out, w * dim, dim);
        continue;
      }
      for (int id : ids) {
        for (int d = 0; d < dim; d++) {
          out[w * dim + d] += tokens.data()[id * dim + d] / ids.length;
        }
      }
    }
    return new FloatTensor(new long[] {vocab.size(), dim}, out);
  }

  private static float[] meanRow(float[] data, int rows, int dim) {
    double[] sum = new double[dim];
    for (int r = 0; r < rows; r++) {
      for (int d = 0; d < dim; d++) {
        sum[d] += data[r * dim + d];
      }
    }
    float[] mean = new float[dim];
    for (int d = 0; d < dim; d++) {
      mean[d] = (float) (sum[d] / rows);
    }
    return mean;
  }
}
