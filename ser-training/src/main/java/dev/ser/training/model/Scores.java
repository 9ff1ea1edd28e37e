package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.ModelCard;
import dev.ser.training.evaluation.ConfusionMatrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clip-level scores for the model card, from the same {@link ConfusionMatrix} as {@code ./ser
 * evaluate}: classes absent from the truth are left out of UA and recall.
 */
final class Scores {
  private Scores() {}

  /**
   * @param truth true labels
   * @param predicted predicted labels, same order
   * @throws IllegalArgumentException for no labels
   */
  static ModelCard.Metrics of(List<Emotion> truth, List<Emotion> predicted) {
    ConfusionMatrix matrix = ConfusionMatrix.of(truth, predicted);
    Map<String, Double> recall = new LinkedHashMap<>();
    for (Emotion emotion : matrix.presentClasses()) {
      recall.put(emotion.label(), matrix.recall(emotion));
    }
    int classes = Emotion.count();
    int[][] confusion = new int[classes][classes];
    for (Emotion t : Emotion.values()) {
      for (Emotion p : Emotion.values()) {
        confusion[t.ordinal()][p.ordinal()] = (int) matrix.count(t, p);
      }
    }
    return new ModelCard.Metrics(
        truth.size(), matrix.accuracy(), matrix.unweightedAccuracy(), recall, confusion);
  }
}
