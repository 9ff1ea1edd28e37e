package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.ModelCard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Clip-level accuracy, unweighted accuracy (mean recall of the classes present) and confusion. */
final class Scores {
  private Scores() {}

  /**
   * @param truth true labels
   * @param predicted predicted labels, same order
   */
  static ModelCard.Metrics of(List<Emotion> truth, List<Emotion> predicted) {
    int classes = Emotion.count();
    int[][] confusion = new int[classes][classes];
    int correct = 0;
    for (int i = 0; i < truth.size(); i++) {
      confusion[truth.get(i).ordinal()][predicted.get(i).ordinal()]++;
      if (truth.get(i) == predicted.get(i)) {
        correct++;
      }
    }
    Map<String, Double> recall = new LinkedHashMap<>();
    double recallSum = 0;
    for (Emotion emotion : Emotion.values()) {
      int support = 0;
      for (int p = 0; p < classes; p++) {
        support += confusion[emotion.ordinal()][p];
      }
      if (support > 0) {
        double r = (double) confusion[emotion.ordinal()][emotion.ordinal()] / support;
        recall.put(emotion.label(), r);
        recallSum += r;
      }
    }
    double accuracy = truth.isEmpty() ? 0 : (double) correct / truth.size();
    double ua = recall.isEmpty() ? 0 : recallSum / recall.size();
    return new ModelCard.Metrics(truth.size(), accuracy, ua, recall, confusion);
  }
}
