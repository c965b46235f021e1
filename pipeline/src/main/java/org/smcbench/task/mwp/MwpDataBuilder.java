package org.smcbench.task.mwp;

import org.smcbench.data.mwp.PrefixExpression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain problems → {@link MwpData}. The vocabularies come from the train split only: words with a
 * minimum count, constants of the train equations with a minimum count (GTS keeps the frequent
 * ones, e.g. 1 and 3.14), operators present there, and as many quantity slots as the train
 * problem with the most quantities.
 */
public final class MwpDataBuilder {
  private MwpDataBuilder() {}

  /** Word and output vocabularies of a train split. */
  public record Vocabularies(WordVocab words, OutputVocab output) {}

  public static Vocabularies vocabularies(List<MwpProblem> train, int wordMinCount, int constantMinCount) {
    List<List<String>> sentences = new ArrayList<>();
    Map<String, Integer> constantCounts = new LinkedHashMap<>();
    boolean[] seenOps = new boolean[OutputVocab.ALL_OPERATORS.size()];
    int maxQuantities = 1;
    for (MwpProblem p : train) {
      sentences.add(p.tokens());
      maxQuantities = Math.max(maxQuantities, p.numbers().length);
      for (String token : p.prefix()) {
        int op = OutputVocab.ALL_OPERATORS.indexOf(token);
        if (op >= 0) {
          seenOps[op] = true;
        } else if (OutputVocab.quantitySlot(token) < 0) {
          constantCounts.merge(OutputVocab.canonicalConstant(token), 1, Integer::sum);
        }
      }
    }
    List<String> operators = new ArrayList<>();
    for (int i = 0; i < seenOps.length; i++) {
      if (seenOps[i]) {
        operators.add(OutputVocab.ALL_OPERATORS.get(i));
      }
    }
    List<String> constants = new ArrayList<>();
    constantCounts.forEach((c, n) -> {
      if (n >= constantMinCount) {
        constants.add(c);
      }
    });
    return new Vocabularies(WordVocab.build(sentences, wordMinCount), new OutputVocab(operators, constants, maxQuantities));
  }

  /**
   * Encodes {@code problems}. A training split drops problems whose equation the vocabulary cannot
   * express or that is not a well-formed binary prefix expression (teacher forcing needs both);
   * an evaluation split keeps them (their targets hold -1, they still count in answer accuracy).
   */
  public static MwpData encode(List<MwpProblem> problems, Vocabularies vocab, boolean training, long sourceVersion) {
    return encode(problems, vocab, training, sourceVersion, null);
  }

  /** How a model with a whole pretrained encoder reads words: a tokenizer and its specials. */
  public record SubwordEncoder(java.util.function.Function<String, int[]> tokenize, int cls, int sep, int pad) {}

  /** As above; with {@code subwords} each kept problem also carries its {@link Subwords}. */
  public static MwpData encode(List<MwpProblem> problems, Vocabularies vocab, boolean training, long sourceVersion,
      SubwordEncoder subwords) {
    OutputVocab out = vocab.output();
    List<String> ids = new ArrayList<>();
    List<int[]> inputs = new ArrayList<>();
    List<int[]> quantities = new ArrayList<>();
    List<double[]> numbers = new ArrayList<>();
    List<int[]> targets = new ArrayList<>();
    List<Double> answers = new ArrayList<>();
    List<int[]> cells = new ArrayList<>();
    List<Subwords> pieces = new ArrayList<>();
    for (MwpProblem p : problems) {
      int[] target = new int[p.prefix().size()];
      boolean expressible = true;
      for (int i = 0; i < target.length; i++) {
        target[i] = out.id(p.prefix().get(i));
        int q = out.quantityIndex(target[i]);
        expressible &= target[i] >= 0 && (q < 0 || q < p.numbers().length);
      }
      if (training && !(expressible && wellFormed(target, out))) {
        continue;
      }
      double answer = Double.isNaN(p.answer())
          ? PrefixExpression.evaluate(OutputVocab.asDatasetTokens(p.prefix()), p.numbers()).value() : p.answer();
      ids.add(p.id());
      inputs.add(vocab.words().encode(p.tokens()));
      quantities.add(positions(p, Math.min(p.numbers().length, out.maxQuantities())));
      numbers.add(p.numbers().clone());
      targets.add(target);
      answers.add(answer);
      // The files' cell windows run one token past a question's end (its last word is a key
      // word); such positions name no token and are left out.
      cells.add(java.util.Arrays.stream(p.cells()).filter(c -> c >= 0 && c < p.tokens().size()).toArray());
      if (subwords != null) {
        pieces.add(Subwords.of(p.tokens(), subwords.tokenize(), subwords.cls(), subwords.sep()));
      }
    }
    return new MwpData(ids, inputs.toArray(int[][]::new), quantities.toArray(int[][]::new),
        numbers.toArray(double[][]::new), targets.toArray(int[][]::new),
        answers.stream().mapToDouble(Double::doubleValue).toArray(), cells.toArray(int[][]::new),
        subwords == null ? null : pieces.toArray(Subwords[]::new), subwords == null ? 0 : subwords.pad(), vocab.words(),
        out, sourceVersion);
  }

  /** Input position of the first {@code number<k>} placeholder, for k < count. */
  private static int[] positions(MwpProblem p, int count) {
    int[] positions = new int[count];
    java.util.Arrays.fill(positions, -1);
    for (int t = 0; t < p.tokens().size(); t++) {
      String w = p.tokens().get(t);
      if (WordVocab.isPlaceholder(w)) {
        int k = OutputVocab.quantitySlot(w);
        if (k < count && positions[k] < 0) {
          positions[k] = t;
        }
      }
    }
    for (int k = 0; k < count; k++) {
      if (positions[k] < 0) {
        throw new IllegalArgumentException("problem " + p.id() + ": quantity number" + k + " does not occur in the text");
      }
    }
    return positions;
  }

  /** Every operator has exactly two operands and nothing follows the root's last operand. */
  static boolean wellFormed(int[] prefix, OutputVocab out) {
    int open = 1;
    for (int i = 0; i < prefix.length; i++) {
      if (open == 0) {
        return false;
      }
      open += out.isOperator(prefix[i]) ? 1 : -1;
    }
    return open == 0;
  }
}
