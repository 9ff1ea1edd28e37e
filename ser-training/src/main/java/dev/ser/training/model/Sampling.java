package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How often each training clip is drawn. Every mode draws the clips of one (corpus, emotion) cell
 * equally often; they differ in the share each cell gets.
 */
public enum Sampling {
  /**
   * Every emotion the training set has gets the same share; within an emotion, each corpus that has
   * it gets a share in proportion to the square root of its clips of that emotion. So the classes
   * are balanced as unweighted accuracy weighs them, a small corpus (300 clips) is not drawn as
   * often as one ten times its size, and a large one does not drown it either.
   */
  EMOTIONS,
  /** Every (corpus, emotion) cell gets the same share. */
  CELLS,
  /** Each corpus in proportion to its training clips, split evenly over the emotions it has. */
  CLIPS;

  public static Sampling parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "sampling must be emotions, cells or clips, not " + text, e);
    }
  }

  /** Cumulative probabilities of drawing each example, in the examples' order; the last is 1. */
  double[] cumulative(List<Example> train) {
    Map<String, Integer> cells = new HashMap<>();
    Map<String, Integer> corpusClips = new HashMap<>();
    Map<String, Integer> corpusEmotions = new HashMap<>();
    Map<Emotion, Double> emotionRoots = new EnumMap<>(Emotion.class);
    for (Example example : train) {
      if (cells.merge(cell(example), 1, Integer::sum) == 1) {
        corpusEmotions.merge(example.corpus(), 1, Integer::sum);
      }
      corpusClips.merge(example.corpus(), 1, Integer::sum);
    }
    cells.forEach(
        (cell, clips) ->
            emotionRoots.merge(
                Emotion.fromLabel(cell.substring(cell.indexOf('/') + 1)),
                Math.sqrt(clips),
                Double::sum));
    double[] cumulative = new double[train.size()];
    double total = 0;
    for (int i = 0; i < train.size(); i++) {
      Example example = train.get(i);
      int cellClips = cells.get(cell(example));
      double cellShare =
          switch (this) {
            case EMOTIONS -> Math.sqrt(cellClips) / emotionRoots.get(example.emotion());
            case CELLS -> 1;
            case CLIPS ->
                corpusClips.get(example.corpus()) / (double) corpusEmotions.get(example.corpus());
          };
      total += cellShare / cellClips;
      cumulative[i] = total;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
    return cumulative;
  }

  private static String cell(Example example) {
    return example.corpus() + "/" + example.emotion().label();
  }
}
