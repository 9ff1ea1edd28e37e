package dev.ser.training.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.domain.emotion.Emotion;
import dev.ser.training.corpus.CorpusException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome of an evaluation: a prediction per readable clip, the clips left out, and the scores
 * as a table for people or one JSON object for programs.
 *
 * @param outcomes one per evaluated clip
 * @param skipped the clips that could not be decoded or predicted
 */
public record EvaluationResult(List<Outcome> outcomes, List<Skipped> skipped) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public EvaluationResult {
    outcomes = List.copyOf(outcomes);
    skipped = List.copyOf(skipped);
  }

  /**
   * The confusion matrix of every outcome.
   *
   * @throws CorpusException when no clip could be evaluated
   */
  public ConfusionMatrix confusion() {
    if (outcomes.isEmpty()) {
      throw new CorpusException(
          "no clip could be evaluated (" + skipped.size() + " skipped); nothing to score");
    }
    return confusionOf(outcomes);
  }

  /** One confusion matrix per corpus, by corpus name. */
  public Map<String, ConfusionMatrix> confusionByCorpus() {
    Map<String, List<Outcome>> byCorpus =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(o -> o.clip().corpus(), TreeMap::new, Collectors.toList()));
    Map<String, ConfusionMatrix> matrices = new TreeMap<>();
    byCorpus.forEach((corpus, list) -> matrices.put(corpus, confusionOf(list)));
    return matrices;
  }

  /**
   * One JSON object: {@code n}, {@code accuracy}, {@code unweighted_accuracy}, {@code macro_f1},
   * {@code per_class} (recall, precision, f1 and support of each class present in the ground truth,
   * by label), {@code confusion} (the {@code [6][6]} counts, rows = true, columns = predicted, in
   * the order of {@code labels}), {@code labels}, {@code skipped} (how many clips were left out)
   * and {@code per_corpus} (n, accuracy, unweighted_accuracy and macro_f1 of each corpus).
   * Fractions are in [0, 1].
   */
  public ObjectNode toJson() {
    ConfusionMatrix confusion = confusion();
    ObjectNode root = scores(confusion);
    ObjectNode perClass = root.putObject("per_class");
    for (Emotion emotion : confusion.presentClasses()) {
      ObjectNode row = perClass.putObject(emotion.label());
      row.put("recall", confusion.recall(emotion));
      row.put("precision", confusion.precision(emotion));
      row.put("f1", confusion.f1(emotion));
      row.put("support", confusion.support(emotion));
    }
    ArrayNode matrix = root.putArray("confusion");
    for (long[] counts : confusion.counts()) {
      ArrayNode row = matrix.addArray();
      for (long count : counts) {
        row.add(count);
      }
    }
    ArrayNode labels = root.putArray("labels");
    for (Emotion emotion : Emotion.values()) {
      labels.add(emotion.label());
    }
    root.put("skipped", skipped.size());
    ObjectNode perCorpus = root.putObject("per_corpus");
    confusionByCorpus()
        .forEach((corpus, matrixOfCorpus) -> perCorpus.set(corpus, scores(matrixOfCorpus)));
    return root;
  }

  /** {@link #toJson()} as one line of text. */
  public String json() {
    return toJson().toString();
  }

  /**
   * The scores as a table for a terminal: the overall scores, per-class recall, precision, F1 and
   * support, the confusion matrix (rows = true), and the scores of each corpus when there are
   * several.
   */
  public String table() {
    ConfusionMatrix confusion = confusion();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "clips evaluated     %d%s%n",
            confusion.n(), skipped.isEmpty() ? "" : " (" + skipped.size() + " skipped)"));
    out.append(String.format("accuracy            %s%n", percent(confusion.accuracy())));
    out.append(
        String.format(
            "unweighted accuracy %s   (mean recall over the %d classes present)%n",
            percent(confusion.unweightedAccuracy()), confusion.presentClasses().size()));
    out.append(String.format("macro-F1            %s%n%n", percent(confusion.macroF1())));

    out.append(
        String.format(
            "%-8s  %7s  %9s  %7s  %7s%n", "class", "recall", "precision", "f1", "support"));
    for (Emotion emotion : Emotion.values()) {
      if (confusion.support(emotion) > 0) {
        out.append(
            String.format(
                "%-8s  %7s  %9s  %7s  %7d%n",
                emotion.label(),
                percent(confusion.recall(emotion)),
                percent(confusion.precision(emotion)),
                percent(confusion.f1(emotion)),
                confusion.support(emotion)));
      } else {
        out.append(
            String.format(
                "%-8s  %7s  %9s  %7s  %7d%n",
                emotion.label(), "-", percent(confusion.precision(emotion)), "-", 0));
      }
    }

    out.append(String.format("%nconfusion (rows = true, columns = predicted)%n"));
    out.append(String.format("%-8s", ""));
    for (Emotion emotion : Emotion.values()) {
      out.append(String.format("  %7s", emotion.label()));
    }
    out.append(System.lineSeparator());
    for (Emotion truth : Emotion.values()) {
      out.append(String.format("%-8s", truth.label()));
      for (Emotion predicted : Emotion.values()) {
        out.append(String.format("  %7d", confusion.count(truth, predicted)));
      }
      out.append(System.lineSeparator());
    }

    Map<String, ConfusionMatrix> byCorpus = confusionByCorpus();
    if (byCorpus.size() > 1) {
      int width = byCorpus.keySet().stream().mapToInt(String::length).max().orElse(6);
      out.append(System.lineSeparator());
      out.append(
          String.format(
              "%-" + width + "s  %6s  %8s  %7s  %8s%n",
              "corpus",
              "n",
              "accuracy",
              "UA",
              "macro-F1"));
      byCorpus.forEach(
          (corpus, matrix) ->
              out.append(
                  String.format(
                      "%-" + width + "s  %6d  %8s  %7s  %8s%n",
                      corpus,
                      matrix.n(),
                      percent(matrix.accuracy()),
                      percent(matrix.unweightedAccuracy()),
                      percent(matrix.macroF1()))));
    }
    return out.toString();
  }

  private static ObjectNode scores(ConfusionMatrix confusion) {
    ObjectNode node = JSON.createObjectNode();
    node.put("n", confusion.n());
    node.put("accuracy", confusion.accuracy());
    node.put("unweighted_accuracy", confusion.unweightedAccuracy());
    node.put("macro_f1", confusion.macroF1());
    return node;
  }

  private static ConfusionMatrix confusionOf(List<Outcome> outcomes) {
    return ConfusionMatrix.of(
        outcomes.stream().map(o -> o.clip().emotion()).toList(),
        outcomes.stream().map(Outcome::predicted).toList());
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }
}
